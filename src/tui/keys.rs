//! Keys are data: the default map lives in `assets/keys.toml`, a user file
//! may replace bindings action by action, and the help overlay and hint bar
//! are built from the same map so they cannot go stale.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// The default key map, embedded.
const DEFAULTS: &str = include_str!("../../assets/keys.toml");

/// Everything a key can ask for. The names are the ones in the key map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    PrevArticle,
    NextArticle,
    FocusNext,
    FocusPrev,
    NextFinding,
    PrevFinding,
    Open,
    ToggleView,
    Search,
    NextMatch,
    PrevMatch,
    Filter,
    Accept,
    Reject,
    Skip,
    Note,
    Undo,
    AcceptAll,
    RejectAll,
    UndecidedOnly,
    Export,
    Confirm,
    Help,
    Cancel,
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 31] = [
        Self::Down,
        Self::Up,
        Self::PageDown,
        Self::PageUp,
        Self::Top,
        Self::Bottom,
        Self::PrevArticle,
        Self::NextArticle,
        Self::FocusNext,
        Self::FocusPrev,
        Self::NextFinding,
        Self::PrevFinding,
        Self::Open,
        Self::ToggleView,
        Self::Search,
        Self::NextMatch,
        Self::PrevMatch,
        Self::Filter,
        Self::Accept,
        Self::Reject,
        Self::Skip,
        Self::Note,
        Self::Undo,
        Self::AcceptAll,
        Self::RejectAll,
        Self::UndecidedOnly,
        Self::Export,
        Self::Confirm,
        Self::Help,
        Self::Cancel,
        Self::Quit,
    ];

    /// The action's name in the key map (`prev_article`).
    #[must_use]
    pub fn name(self) -> String {
        let mut name = String::new();
        for c in format!("{self:?}").chars() {
            if c.is_ascii_uppercase() && !name.is_empty() {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        }
        name
    }

    /// What the action does, for the help overlay.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Down => "next sentence, finding or row",
            Self::Up => "previous sentence, finding or row",
            Self::PageDown => "a page down",
            Self::PageUp => "a page up",
            Self::Top => "to the first",
            Self::Bottom => "to the last",
            Self::PrevArticle => "previous article",
            Self::NextArticle => "next article",
            Self::FocusNext => "next pane",
            Self::FocusPrev => "previous pane",
            Self::NextFinding => "next finding, shown in the text; next match during a search",
            Self::PrevFinding => {
                "previous finding, shown in the text; previous match during a search"
            }
            Self::Open => "open: jump to the evidence or the statement",
            Self::ToggleView => "columns / alignment table",
            Self::Search => "search the text",
            Self::NextMatch => "next search match",
            Self::PrevMatch => "previous search match",
            Self::Filter => "filter findings by kind or severity",
            Self::Accept => "accept the finding (a real discrepancy), go to the next",
            Self::Reject => "reject the finding (a false alarm), go to the next",
            Self::Skip => "skip: leave it undecided, go to the next",
            Self::Note => "edit the finding's note",
            Self::Undo => "undo the last verdict or note",
            Self::AcceptAll => "accept every finding shown (asks first)",
            Self::RejectAll => "reject every finding shown (asks first)",
            Self::UndecidedOnly => "show only undecided findings, or all",
            Self::Export => "export a report: pick the format, then the file",
            Self::Confirm => "yes, when asked",
            Self::Help => "this help",
            Self::Cancel => "close, clear the search",
            Self::Quit => "quit",
        }
    }

    /// The short word the hint bar shows.
    #[must_use]
    pub fn hint(self) -> &'static str {
        match self {
            Self::Down | Self::Up => "move",
            Self::PrevArticle | Self::NextArticle => "article",
            Self::NextFinding | Self::PrevFinding => "finding",
            Self::Open => "open",
            Self::ToggleView => "table",
            Self::Search => "search",
            Self::Filter => "filter",
            Self::Accept | Self::Reject => "verdict",
            Self::Note => "note",
            Self::Undo => "undo",
            Self::Export => "export",
            Self::FocusNext => "pane",
            Self::Help => "help",
            Self::Quit => "quit",
            _ => "",
        }
    }
}

/// A key with its modifiers, as the map names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
}

/// The key that always quits, whatever a user's key map says.
const CTRL_C: Key = Key {
    code: KeyCodeOrd::Char('c'),
    ctrl: true,
    alt: false,
};

/// The subset of key codes the map can name, ordered for stable display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(Named),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Named {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
}

const NAMES: [(&str, Named); 14] = [
    ("up", Named::Up),
    ("down", Named::Down),
    ("left", Named::Left),
    ("right", Named::Right),
    ("pageup", Named::PageUp),
    ("pagedown", Named::PageDown),
    ("home", Named::Home),
    ("end", Named::End),
    ("enter", Named::Enter),
    ("esc", Named::Esc),
    ("tab", Named::Tab),
    ("backtab", Named::BackTab),
    ("backspace", Named::Backspace),
    ("delete", Named::Delete),
];

/// Keys that edit text where text is typed (a note). They are fixed, like
/// a text box's, so the key map cannot make a note impossible to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    Enter,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    /// ctrl-s: keep the text and close.
    Save,
}

impl Key {
    /// Reads a key name such as `j`, `G`, `pagedown` or `ctrl-c`.
    pub fn parse(name: &str) -> Result<Key, String> {
        let mut rest = name;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                (ctrl, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                (alt, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("shift-").filter(|r| !r.is_empty()) {
                (shift, rest) = (true, r);
            } else {
                break;
            }
        }
        let code = Self::parse_code(rest, shift).ok_or_else(|| {
            format!("unknown key {name:?} (see the list at the top of the default key map)")
        })?;
        Ok(Key { code, ctrl, alt })
    }

    fn parse_code(name: &str, shift: bool) -> Option<KeyCodeOrd> {
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            // Shift is carried by the character itself ("G", "?").
            let c = if shift { c.to_ascii_uppercase() } else { c };
            return Some(KeyCodeOrd::Char(c));
        }
        let lower = name.to_ascii_lowercase();
        if lower == "space" {
            return Some(KeyCodeOrd::Char(' '));
        }
        if shift && lower == "tab" {
            return Some(KeyCodeOrd::Named(Named::BackTab));
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            return (1..=12).contains(&n).then_some(KeyCodeOrd::F(n));
        }
        NAMES
            .iter()
            .find(|(n, _)| *n == lower)
            .map(|&(_, named)| KeyCodeOrd::Named(named))
    }

    /// The key of a terminal event, if the map can name it.
    #[must_use]
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        let code = match event.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Up => KeyCodeOrd::Named(Named::Up),
            KeyCode::Down => KeyCodeOrd::Named(Named::Down),
            KeyCode::Left => KeyCodeOrd::Named(Named::Left),
            KeyCode::Right => KeyCodeOrd::Named(Named::Right),
            KeyCode::PageUp => KeyCodeOrd::Named(Named::PageUp),
            KeyCode::PageDown => KeyCodeOrd::Named(Named::PageDown),
            KeyCode::Home => KeyCodeOrd::Named(Named::Home),
            KeyCode::End => KeyCodeOrd::Named(Named::End),
            KeyCode::Enter => KeyCodeOrd::Named(Named::Enter),
            KeyCode::Esc => KeyCodeOrd::Named(Named::Esc),
            KeyCode::Tab => KeyCodeOrd::Named(Named::Tab),
            KeyCode::BackTab => KeyCodeOrd::Named(Named::BackTab),
            KeyCode::Backspace => KeyCodeOrd::Named(Named::Backspace),
            KeyCode::Delete => KeyCodeOrd::Named(Named::Delete),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// The character typed, for text input (search).
    #[must_use]
    pub fn typed(self) -> Option<char> {
        match self.code {
            KeyCodeOrd::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    #[must_use]
    pub fn is_backspace(self) -> bool {
        self.code == KeyCodeOrd::Named(Named::Backspace)
    }

    /// The editing key this is, in a text box.
    #[must_use]
    pub fn editing(self) -> Option<Editing> {
        if self.ctrl {
            return (self.code == KeyCodeOrd::Char('s')).then_some(Editing::Save);
        }
        let KeyCodeOrd::Named(named) = self.code else {
            return None;
        };
        Some(match named {
            Named::Enter => Editing::Enter,
            Named::Backspace => Editing::Backspace,
            Named::Delete => Editing::Delete,
            Named::Left => Editing::Left,
            Named::Right => Editing::Right,
            Named::Up => Editing::Up,
            Named::Down => Editing::Down,
            Named::Home => Editing::Home,
            Named::End => Editing::End,
            _ => return None,
        })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "f{n}"),
            KeyCodeOrd::Named(named) => {
                let name = NAMES
                    .iter()
                    .find(|(_, n)| *n == named)
                    .map_or("?", |(s, _)| s);
                f.write_str(name)
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    #[serde(default)]
    keys: BTreeMap<Action, Vec<String>>,
    review: Option<ReviewSettings>,
}

/// How reviewing behaves: the `[review]` table of the key map file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewSettings {
    advance: Option<bool>,
}

/// Which keys trigger which action, and how verdict keys move on.
#[derive(Clone, Debug)]
pub struct KeyMap {
    bindings: BTreeMap<Action, Vec<Key>>,
    /// `a`/`r` go on to the next finding (`[review] advance`).
    pub advance: bool,
}

impl Default for KeyMap {
    fn default() -> Self {
        Self::parse(DEFAULTS).expect("the embedded key map is valid")
    }
}

impl KeyMap {
    /// Reads a key map file's text.
    pub fn parse(text: &str) -> Result<KeyMap, String> {
        let file: KeyFile = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let mut bindings = BTreeMap::new();
        for (action, names) in file.keys {
            let keys = names
                .iter()
                .map(|n| Key::parse(n))
                .collect::<Result<Vec<_>, _>>()?;
            bindings.insert(action, keys);
        }
        let advance = file.review.and_then(|r| r.advance).unwrap_or(true);
        Ok(KeyMap { bindings, advance })
    }

    /// The defaults with the actions a user file names replaced. A key
    /// left bound to two actions is refused (one of them could never be
    /// reached: `quit = ["j"]` would leave no way out), and ctrl-c quits
    /// whatever the file says.
    pub fn with_overrides(text: &str) -> Result<KeyMap, String> {
        let mut map = KeyMap::default();
        let user = KeyMap::parse(text)?;
        map.bindings.extend(user.bindings);
        map.advance = user.advance;
        let quit = map.bindings.entry(Action::Quit).or_default();
        if !quit.contains(&CTRL_C) {
            quit.push(CTRL_C);
        }
        match map.conflicts().first() {
            Some((key, a, b)) => Err(format!(
                "the key \"{key}\" is bound to both {} and {}; bind it to one \
                 (ctrl-c always quits)",
                a.name(),
                b.name()
            )),
            None => Ok(map),
        }
    }

    /// Each key bound to more than one action, with the first two, in
    /// help order.
    fn conflicts(&self) -> Vec<(Key, Action, Action)> {
        let mut first: BTreeMap<Key, Action> = BTreeMap::new();
        let mut found = Vec::new();
        for action in Action::ALL {
            for &key in self.keys(action) {
                match first.get(&key) {
                    Some(&other) if other != action => found.push((key, other, action)),
                    Some(_) => {}
                    None => {
                        first.insert(key, action);
                    }
                }
            }
        }
        found
    }

    /// The defaults, overridden by `keys.toml` in `dir` when it exists.
    /// A broken user file is reported and the defaults are used.
    #[must_use]
    pub fn load(dir: Option<&Path>) -> (KeyMap, Option<String>) {
        let Some(path) = dir.map(|d| d.join("keys.toml")) else {
            return (KeyMap::default(), None);
        };
        // A keys file is small; a FIFO or device there must not stop the
        // reader from opening.
        let text = match crate::files::read_regular(&path, 1 << 20).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                let message = format!(
                    "{}: not UTF-8 text; the default keys are used",
                    path.display()
                );
                return (KeyMap::default(), Some(message));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (KeyMap::default(), None),
            Err(e) => {
                let message = format!("{}: {e}; the default keys are used", path.display());
                return (KeyMap::default(), Some(message));
            }
        };
        match KeyMap::with_overrides(&text) {
            Ok(map) => (map, None),
            Err(e) => (
                KeyMap::default(),
                Some(format!("{}: {e}; using the default keys", path.display())),
            ),
        }
    }

    /// The action a key triggers. When two actions share a key, the first
    /// in help order wins.
    #[must_use]
    pub fn action(&self, key: Key) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|a| self.bindings.get(a).is_some_and(|keys| keys.contains(&key)))
    }

    /// The keys bound to an action.
    #[must_use]
    pub fn keys(&self, action: Action) -> &[Key] {
        self.bindings.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The keys of an action as people read them: "j, down".
    #[must_use]
    pub fn label(&self, action: Action) -> String {
        self.keys(action)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The hint bar: the first key of each pair of actions and what it does.
    #[must_use]
    pub fn hints(&self) -> Vec<(String, &'static str)> {
        const PAIRS: [(Action, Option<Action>); 13] = [
            (Action::Down, Some(Action::Up)),
            (Action::PrevArticle, Some(Action::NextArticle)),
            (Action::NextFinding, Some(Action::PrevFinding)),
            (Action::Accept, Some(Action::Reject)),
            (Action::Note, None),
            (Action::Undo, None),
            (Action::Export, None),
            (Action::Open, None),
            (Action::ToggleView, None),
            (Action::Search, None),
            (Action::Filter, None),
            (Action::Help, None),
            (Action::Quit, None),
        ];
        PAIRS
            .iter()
            .filter_map(|&(a, b)| {
                let first = self.keys(a).first()?;
                let keys = match b.and_then(|b| self.keys(b).first()) {
                    Some(second) => format!("{first}/{second}"),
                    None => first.to_string(),
                };
                Some((keys, a.hint()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_bind_the_documented_keys() {
        let map = KeyMap::default();
        let key = |s| Key::parse(s).unwrap();
        assert_eq!(map.action(key("j")), Some(Action::Down));
        assert_eq!(map.action(key("down")), Some(Action::Down));
        assert_eq!(map.action(key("G")), Some(Action::Bottom));
        assert_eq!(map.action(key("N")), Some(Action::PrevFinding));
        assert_eq!(map.action(key("ctrl-c")), Some(Action::Quit));
        assert_eq!(map.action(key("z")), None);
        for action in Action::ALL {
            assert!(!map.keys(action).is_empty(), "{action:?} has no key");
        }
    }

    #[test]
    fn names_round_trip() {
        for name in [
            "j", "G", "?", "ctrl-c", "alt-x", "pagedown", "backtab", "f5", "space",
        ] {
            assert_eq!(Key::parse(name).unwrap().to_string(), name);
        }
        assert_eq!(Key::parse("shift-tab").unwrap().to_string(), "backtab");
        assert_eq!(Key::parse("shift-g").unwrap().to_string(), "G");
    }

    #[test]
    fn bad_names_are_reported() {
        assert!(Key::parse("hyper-x").unwrap_err().contains("hyper-x"));
        assert!(Key::parse("f13").is_err());
        let err = KeyMap::parse("[keys]\nfly = [\"x\"]").unwrap_err();
        assert!(err.contains("fly"), "{err}");
    }

    #[test]
    fn a_user_file_replaces_only_what_it_names() {
        let map = KeyMap::with_overrides("[keys]\ndown = [\"w\"]\n").unwrap();
        assert_eq!(map.action(Key::parse("w").unwrap()), Some(Action::Down));
        assert_eq!(map.action(Key::parse("j").unwrap()), None);
        assert_eq!(map.action(Key::parse("k").unwrap()), Some(Action::Up));
    }

    #[test]
    fn a_key_bound_to_two_actions_is_refused() {
        let err = KeyMap::with_overrides("[keys]\nquit = [\"j\"]\n").unwrap_err();
        assert!(
            err.contains("\"j\" is bound to both down and quit"),
            "{err}"
        );
        let err = KeyMap::with_overrides("[keys]\nprev_article = [\"ctrl-c\"]\n").unwrap_err();
        assert!(err.contains("prev_article and quit"), "{err}");
        // Moving a key away from its default action is no conflict.
        let map = KeyMap::with_overrides("[keys]\ndown = [\"s\"]\nskip = [\"j\"]\n").unwrap();
        assert_eq!(map.action(Key::parse("j").unwrap()), Some(Action::Skip));
    }

    #[test]
    fn ctrl_c_quits_whatever_the_user_file_says() {
        let map = KeyMap::with_overrides("[keys]\nquit = [\"z\"]\n").unwrap();
        assert_eq!(
            map.action(Key::parse("ctrl-c").unwrap()),
            Some(Action::Quit)
        );
        assert_eq!(map.action(Key::parse("z").unwrap()), Some(Action::Quit));
    }

    #[test]
    fn a_conflicting_user_file_is_named_and_the_defaults_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keys.toml"), "[keys]\nquit = [\"j\"]\n").unwrap();
        let (map, problem) = KeyMap::load(Some(dir.path()));
        let problem = problem.expect("the conflict is reported");
        assert!(problem.contains("keys.toml"), "{problem}");
        assert!(problem.contains("down and quit"), "{problem}");
        assert_eq!(map.action(Key::parse("j").unwrap()), Some(Action::Down));
        assert_eq!(map.action(Key::parse("q").unwrap()), Some(Action::Quit));
    }

    #[test]
    fn action_names_are_the_key_map_names() {
        assert_eq!(Action::PrevArticle.name(), "prev_article");
        assert_eq!(Action::Quit.name(), "quit");
    }

    #[test]
    fn events_map_to_keys() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), Key::parse("G").ok());
        let event = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), Key::parse("backtab").ok());
        let event = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(event), Key::parse("ctrl-c").ok());
    }

    #[test]
    fn hints_come_from_the_map() {
        let map = KeyMap::with_overrides("[keys]\nquit = [\"z\"]\n").unwrap();
        assert!(map.hints().contains(&("z".to_string(), "quit")));
        assert!(map.hints().contains(&("j/k".to_string(), "move")));
    }
}
