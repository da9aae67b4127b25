//! The reader's state and `update`: an input in, the state changed, an
//! [`Effect`] out for the loop to carry out. No terminal, no I/O, no drawing
//! here, so every interaction is testable as keys in, state out.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::editor::Editor;
use super::keys::{Action, Editing, Key, KeyMap};
use super::story::{Index, sentence_at};
use crate::analysis::Analysis;
use crate::detect::{Finding, FindingKind, Severity};
use crate::report::ReportFormat;
use crate::review::{Review, SessionFile, Status, Verdict};

/// What the loop must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Write the session file: a verdict or note changed.
    Save,
    /// Write the report in this format to this file; an existing file
    /// only when `overwrite` (the user said yes), else the loop asks.
    Export {
        format: ReportFormat,
        path: std::path::PathBuf,
        overwrite: bool,
    },
    Quit,
}

/// Which input the keys go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a search.
    Search,
    /// Picking a findings filter.
    Filter,
    /// Writing a note on the selected finding.
    Note,
    /// Asked whether to give every listed finding this verdict.
    Confirm(Verdict),
    /// Picking a report format to export.
    Export,
    /// Typing the file the export goes to.
    ExportPath,
    /// Asked whether to replace the file the export would go to.
    Overwrite,
    Help,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Columns,
    Table,
}

/// The pane that moves with `j`/`k`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Text,
    Findings,
    Detail,
}

/// A sentence of an article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub article: usize,
    pub sentence: usize,
}

/// Which findings are listed and visited by `n`/`N`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    Severity(Severity),
    Kind(FindingKind),
}

impl Filter {
    #[must_use]
    pub fn admits(self, f: &Finding) -> bool {
        match self {
            Filter::All => true,
            Filter::Severity(s) => f.severity == s,
            Filter::Kind(k) => f.kind == k,
        }
    }

    #[must_use]
    pub fn label(self) -> String {
        match self {
            Filter::All => "all findings".to_string(),
            Filter::Severity(s) => format!("severity {}", s.as_str()),
            Filter::Kind(k) => k.as_str().to_string(),
        }
    }
}

/// A search over the articles' text.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// The confirmed query.
    pub query: String,
    /// What is being typed.
    pub draft: String,
    /// Matches of the query being shown: article and text range, in order.
    pub matches: Vec<(usize, Range<usize>)>,
    pub current: Option<usize>,
}

/// Something the mouse pointed at, resolved by the view that drew it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Sentence(Cursor),
    Finding(usize),
    Row(usize),
    Pane(Focus),
}

/// An input to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Click(Target),
    /// Wheel turns over a pane: positive is down.
    Scroll(Focus, i32),
    Resize(u16, u16),
}

/// The reader's whole state.
pub struct App<'a> {
    pub analysis: &'a Analysis,
    pub index: Index,
    pub keys: KeyMap,
    /// Colours on (false under `NO_COLOR`).
    pub color: bool,
    pub mode: Mode,
    pub view: View,
    pub focus: Focus,
    pub cursor: Cursor,
    /// Selected row of the alignment table (index into `index.rows`).
    pub row: usize,
    /// Selected finding (index into the analysis' findings).
    pub finding: Option<usize>,
    pub filter: Filter,
    /// Selected entry of the filter menu.
    pub menu: usize,
    pub search: Search,
    pub detail_scroll: u16,
    pub help_scroll: u16,
    /// Terminal size, for page lengths.
    pub size: (u16, u16),
    /// A message for the status line, until the next key.
    pub status: Option<String>,
    /// Verdicts and notes.
    pub review: Review,
    /// List only findings not yet accepted or rejected.
    pub undecided_only: bool,
    /// The note being written.
    pub editor: Editor,
    /// The time now, as sessions record it (fixed in tests).
    pub clock: fn() -> String,
    /// The session file, shown in the help.
    pub session: Option<std::path::PathBuf>,
    /// The export being set up: its format and the file typed so far.
    pub export: Option<(ReportFormat, String)>,
    /// Where a relative export path lands, shown in the prompt.
    pub cwd: Option<std::path::PathBuf>,
}

impl<'a> App<'a> {
    #[must_use]
    pub fn new(analysis: &'a Analysis, keys: KeyMap) -> App<'a> {
        App {
            analysis,
            index: Index::new(analysis),
            keys,
            color: true,
            mode: Mode::Normal,
            view: View::Columns,
            focus: Focus::Text,
            cursor: Cursor::default(),
            row: 0,
            finding: None,
            filter: Filter::All,
            menu: 0,
            search: Search::default(),
            detail_scroll: 0,
            help_scroll: 0,
            size: (80, 24),
            status: None,
            review: Review::new(
                analysis,
                SessionFile::new(analysis, "unknown", ""),
                "unknown",
            ),
            undecided_only: false,
            editor: Editor::default(),
            clock: crate::review::now,
            session: None,
            export: None,
            cwd: None,
        }
    }

    /// The findings the filter admits, in report order.
    #[must_use]
    pub fn listed(&self) -> Vec<usize> {
        (0..self.analysis.findings.len())
            .filter(|&i| self.filter.admits(&self.analysis.findings[i]))
            .filter(|&i| !self.undecided_only || !self.review.status(i).reviewed())
            .collect()
    }

    /// The filter menu's entries: all, each severity, each kind present;
    /// each with its count and how many of those are reviewed.
    #[must_use]
    pub fn filters(&self) -> Vec<(Filter, usize, usize)> {
        let findings = &self.analysis.findings;
        let count = |f: Filter| {
            let admitted: Vec<usize> = (0..findings.len())
                .filter(|&i| f.admits(&findings[i]))
                .collect();
            (f, admitted.len(), self.review.reviewed(admitted))
        };
        let mut out = vec![count(Filter::All)];
        for s in Severity::ALL {
            out.push(count(Filter::Severity(s)));
        }
        for k in FindingKind::ALL {
            let entry = count(Filter::Kind(k));
            if entry.1 > 0 {
                out.push(entry);
            }
        }
        out
    }

    /// Sentences a page moves by, from the terminal height (a sentence
    /// takes about three lines of a column).
    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(8) / 3).max(1)
    }

    /// Carries out one input.
    pub fn handle(&mut self, input: Input) -> Effect {
        match input {
            Input::Key(key) => {
                self.status = None;
                match self.mode {
                    Mode::Normal => self
                        .keys
                        .action(key)
                        .map_or(Effect::None, |a| self.update(a)),
                    Mode::Search => self.search_key(key),
                    Mode::Filter => self.filter_key(key),
                    Mode::Note => self.note_key(key),
                    Mode::Confirm(verdict) => self.confirm_key(key, verdict),
                    Mode::Export => self.export_key(key),
                    Mode::ExportPath => self.export_path_key(key),
                    Mode::Overwrite => self.overwrite_key(key),
                    Mode::Help => self.help_key(key),
                }
            }
            Input::Click(target) => {
                self.click(target);
                Effect::None
            }
            Input::Scroll(pane, delta) => {
                self.focus = pane;
                let action = if delta > 0 { Action::Down } else { Action::Up };
                for _ in 0..delta.unsigned_abs().min(50) {
                    self.update(action);
                }
                Effect::None
            }
            Input::Resize(w, h) => {
                self.size = (w, h);
                Effect::None
            }
        }
    }

    /// Carries out an action in normal mode.
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(self.page() as isize),
            Action::PageUp => self.step(-(self.page() as isize)),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::PrevArticle => self.switch_article(-1),
            Action::NextArticle => self.switch_article(1),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            // A search on screen owns n/N, as in vim, helix and less.
            Action::NextFinding if self.searching() => self.visit_match(1),
            Action::PrevFinding if self.searching() => self.visit_match(-1),
            Action::NextFinding => self.visit_finding(1),
            Action::PrevFinding => self.visit_finding(-1),
            Action::Open => self.open(),
            Action::ToggleView => self.toggle_view(),
            Action::Search => {
                self.mode = Mode::Search;
                self.search.draft.clear();
            }
            Action::NextMatch => self.visit_match(1),
            Action::PrevMatch => self.visit_match(-1),
            Action::Filter => {
                self.mode = Mode::Filter;
                self.menu = self
                    .filters()
                    .iter()
                    .position(|(f, _, _)| *f == self.filter)
                    .unwrap_or(0);
            }
            Action::Accept => return self.decide(Verdict::Accept),
            Action::Reject => return self.decide(Verdict::Reject),
            Action::Skip => return self.decide(Verdict::Skip),
            Action::Note => self.open_note(),
            Action::Undo => return self.undo(),
            Action::AcceptAll => self.ask_all(Verdict::Accept),
            Action::RejectAll => self.ask_all(Verdict::Reject),
            Action::UndecidedOnly => self.toggle_undecided(),
            Action::Export => {
                self.mode = Mode::Export;
                self.menu = 0;
            }
            Action::Help => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::Cancel => {
                self.search = Search::default();
            }
            Action::Quit => return Effect::Quit,
            Action::Confirm => {}
        }
        Effect::None
    }

    /// The finding a verdict or note applies to: the selected one, or the
    /// first listed when none is.
    fn target_finding(&mut self) -> Option<usize> {
        if self.finding.is_none() {
            self.select_finding(self.listed().first().copied());
        }
        if self.finding.is_none() {
            self.status = Some("no finding to decide on".to_string());
        }
        self.finding
    }

    /// A search whose matches are on screen: it has `n`/`N` until Esc.
    #[must_use]
    pub fn searching(&self) -> bool {
        self.mode == Mode::Normal && !self.search.matches.is_empty()
    }

    /// `a`, `r`, `s`: a verdict on the selected finding. Then, as in a
    /// review queue (`cargo insta review`), the next listed finding; with
    /// `[review] advance = false` accept and reject stay, so the reviewer
    /// sees what they decided. A skip always moves on.
    fn decide(&mut self, verdict: Verdict) -> Effect {
        let Some(f) = self.target_finding() else {
            return Effect::None;
        };
        let listed = self.listed();
        let at = listed.iter().position(|&x| x == f);
        self.review
            .decide(self.analysis, &[f], verdict, &(self.clock)());
        let said = format!("{}: {}", verdict.as_str(), self.analysis.findings[f].id);
        let listed_now = self.listed();
        if !listed_now.contains(&f) {
            // Hidden by "undecided only": what took its place is the next.
            let next = at.and_then(|i| listed_now.get(i).or(listed_now.last()));
            self.follow(next.copied());
        } else if verdict == Verdict::Skip || self.keys.advance {
            self.visit_finding(1);
        }
        // Keep what was decided in view; a wrap is worth saying too.
        self.status = Some(match self.status.take() {
            Some(more) => format!("{said} · {more}"),
            None => said,
        });
        Effect::Save
    }

    fn undo(&mut self) -> Effect {
        if self.review.undo() {
            self.status = Some("undone".to_string());
            Effect::Save
        } else {
            self.status = Some("nothing to undo".to_string());
            Effect::None
        }
    }

    fn ask_all(&mut self, verdict: Verdict) {
        if self.listed().is_empty() {
            self.status = Some("no findings listed".to_string());
        } else {
            self.mode = Mode::Confirm(verdict);
        }
    }

    fn confirm_key(&mut self, key: Key, verdict: Verdict) -> Effect {
        self.mode = Mode::Normal;
        if self.keys.action(key) != Some(Action::Confirm) {
            self.status = Some("nothing changed".to_string());
            return Effect::None;
        }
        let listed = self.listed();
        self.review
            .decide(self.analysis, &listed, verdict, &(self.clock)());
        self.status = Some(format!("{} findings: {}", listed.len(), verdict.as_str()));
        if self.finding.is_some_and(|f| !self.listed().contains(&f)) {
            self.select_finding(self.listed().first().copied());
        }
        Effect::Save
    }

    fn toggle_undecided(&mut self) {
        self.undecided_only = !self.undecided_only;
        self.status = Some(if self.undecided_only {
            "showing undecided findings only".to_string()
        } else {
            "showing all findings".to_string()
        });
        let listed = self.listed();
        if self.finding.is_some_and(|f| !listed.contains(&f)) {
            self.select_finding(listed.first().copied());
        }
    }

    fn open_note(&mut self) {
        let Some(f) = self.target_finding() else {
            return;
        };
        let note = self.review.decision(f).and_then(|d| d.note.clone());
        self.editor = Editor::new(note.as_deref().unwrap_or(""));
        self.mode = Mode::Note;
    }

    /// Keys while writing a note: text goes in; Esc (or ctrl-s) keeps it.
    fn note_key(&mut self, key: Key) -> Effect {
        if let Some(c) = key.typed() {
            self.editor.insert(c);
            return Effect::None;
        }
        let e = &mut self.editor;
        match key.editing() {
            Some(Editing::Enter) => e.newline(),
            Some(Editing::Backspace) => e.backspace(),
            Some(Editing::Delete) => e.delete(),
            Some(Editing::Left) => e.left(),
            Some(Editing::Right) => e.right(),
            Some(Editing::Up) => e.up(),
            Some(Editing::Down) => e.down(),
            Some(Editing::Home) => e.home(),
            Some(Editing::End) => e.end(),
            Some(Editing::Save) => return self.close_note(),
            None if self.keys.action(key) == Some(Action::Cancel) => return self.close_note(),
            None => {}
        }
        Effect::None
    }

    /// Keeps the note (an empty one clears it) and leaves the editor.
    fn close_note(&mut self) -> Effect {
        self.mode = Mode::Normal;
        let Some(f) = self.finding else {
            return Effect::None;
        };
        let text = self.editor.text();
        let before = self.review.decision(f).and_then(|d| d.note.clone());
        self.review.note(self.analysis, f, &text, &(self.clock)());
        let after = self.review.decision(f).and_then(|d| d.note.clone());
        if before == after {
            return Effect::None;
        }
        self.status = Some(if after.is_some() {
            "note saved".to_string()
        } else {
            "note removed".to_string()
        });
        Effect::Save
    }

    /// The export menu's formats.
    #[must_use]
    pub fn formats() -> &'static [ReportFormat] {
        &ReportFormat::ALL
    }

    fn export_key(&mut self, key: Key) -> Effect {
        let formats = Self::formats();
        match self.keys.action(key) {
            Some(Action::Down) => self.menu = clamp_step(self.menu, 1, formats.len()),
            Some(Action::Up) => self.menu = clamp_step(self.menu, -1, formats.len()),
            Some(Action::Open) => {
                let format = formats[self.menu.min(formats.len() - 1)];
                let path = super::export_path(format).display().to_string();
                self.export = Some((format, path));
                self.mode = Mode::ExportPath;
            }
            Some(Action::Cancel | Action::Export | Action::Quit) => self.mode = Mode::Normal,
            _ => {}
        }
        Effect::None
    }

    /// Typing the export's file: Enter writes it, Esc gives up.
    fn export_path_key(&mut self, key: Key) -> Effect {
        let Some((format, path)) = &mut self.export else {
            self.mode = Mode::Normal;
            return Effect::None;
        };
        if let Some(c) = key.typed() {
            path.push(c);
        } else if key.is_backspace() {
            path.pop();
        } else {
            match self.keys.action(key) {
                Some(Action::Open) if !path.trim().is_empty() => {
                    self.mode = Mode::Normal;
                    return Effect::Export {
                        format: *format,
                        path: path.trim().into(),
                        overwrite: false,
                    };
                }
                Some(Action::Cancel) => {
                    self.mode = Mode::Normal;
                    self.export = None;
                    self.status = Some("nothing exported".to_string());
                }
                _ => {}
            }
        }
        Effect::None
    }

    /// The loop found the export's file already there: ask before
    /// replacing it.
    pub fn ask_overwrite(&mut self) {
        self.mode = Mode::Overwrite;
    }

    /// The confirm key replaces the file; any other key goes back to the
    /// name, to pick another.
    fn overwrite_key(&mut self, key: Key) -> Effect {
        let Some((format, path)) = &self.export else {
            self.mode = Mode::Normal;
            return Effect::None;
        };
        if self.keys.action(key) == Some(Action::Confirm) {
            self.mode = Mode::Normal;
            return Effect::Export {
                format: *format,
                path: path.trim().into(),
                overwrite: true,
            };
        }
        self.mode = Mode::ExportPath;
        self.status = Some("not replaced: type another name".to_string());
        Effect::None
    }

    /// Reviewed and total findings, overall.
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        let n = self.analysis.findings.len();
        (self.review.reviewed(0..n), n)
    }

    /// The review status of a finding.
    #[must_use]
    pub fn status_of(&self, finding: usize) -> Status {
        self.review.status(finding)
    }

    /// Moves within the focused pane.
    fn step(&mut self, by: isize) {
        match self.focus {
            Focus::Text => match self.view {
                View::Columns => {
                    let n = self.analysis.articles[self.cursor.article].sentences.len();
                    self.cursor.sentence = clamp_step(self.cursor.sentence, by, n);
                }
                View::Table => self.row = clamp_step(self.row, by, self.index.rows.len()),
            },
            Focus::Findings => {
                let listed = self.listed();
                let at = self
                    .finding
                    .and_then(|f| listed.iter().position(|&x| x == f));
                let next = match at {
                    Some(at) => clamp_step(at, by, listed.len()),
                    None => 0,
                };
                self.follow(listed.get(next).copied());
            }
            Focus::Detail => {
                let scroll = (self.detail_scroll as isize).saturating_add(by);
                self.detail_scroll = scroll.clamp(0, 2000) as u16;
            }
        }
    }

    fn select_finding(&mut self, finding: Option<usize>) {
        if finding != self.finding {
            self.detail_scroll = 0;
        }
        self.finding = finding;
    }

    /// Selects a finding and brings the columns to its evidence, as
    /// lazygit's main view follows its list.
    fn follow(&mut self, finding: Option<usize>) {
        self.select_finding(finding);
        if let Some(f) = finding {
            self.show_evidence(f);
        }
    }

    /// Switches the cursor to another article, onto the sentence aligned
    /// with the current one, or the one at the same relative place.
    fn switch_article(&mut self, by: isize) {
        let n = self.analysis.articles.len();
        let to = clamp_step(self.cursor.article, by, n);
        if to == self.cursor.article {
            return;
        }
        let Cursor { article, sentence } = self.cursor;
        let sentence = self
            .index
            .partner(self.analysis, article, sentence, to)
            .unwrap_or_else(|| {
                let from_len = self.analysis.articles[article].sentences.len().max(1);
                let to_len = self.analysis.articles[to].sentences.len();
                (sentence * to_len / from_len).min(to_len.saturating_sub(1))
            });
        self.cursor = Cursor {
            article: to,
            sentence,
        };
        self.focus = Focus::Text;
    }

    fn cycle_focus(&mut self, by: isize) {
        const ORDER: [Focus; 3] = [Focus::Text, Focus::Findings, Focus::Detail];
        let at = ORDER.iter().position(|&f| f == self.focus).unwrap_or(0);
        self.focus = ORDER[(at as isize + by).rem_euclid(3) as usize];
        if self.focus != Focus::Text && self.finding.is_none() {
            self.follow(self.listed().first().copied());
        }
    }

    /// `n`/`N`: the next or previous listed finding, shown in the text.
    fn visit_finding(&mut self, by: isize) {
        let listed = self.listed();
        if listed.is_empty() {
            self.status = Some(format!("no findings ({})", self.filter.label()));
            return;
        }
        let at = self
            .finding
            .and_then(|f| listed.iter().position(|&x| x == f));
        let next = match at {
            None if by > 0 => 0,
            None => listed.len() - 1,
            Some(at) => {
                let next = (at as isize + by).rem_euclid(listed.len() as isize) as usize;
                if (by > 0 && next <= at) || (by < 0 && next >= at) {
                    self.status = Some(if by > 0 {
                        "wrapped to the first finding".to_string()
                    } else {
                        "wrapped to the last finding".to_string()
                    });
                }
                next
            }
        };
        self.select_finding(Some(listed[next]));
        self.show_evidence(listed[next]);
    }

    /// Moves the text to a finding's first evidence.
    fn show_evidence(&mut self, finding: usize) {
        let Some(e) = self.analysis.findings[finding].evidence.first() else {
            return;
        };
        let article = &self.analysis.articles[e.article];
        self.cursor = Cursor {
            article: e.article,
            sentence: sentence_at(article, e.range.start),
        };
        self.sync_row();
    }

    /// Selects the table row of the cursor's sentence, if it is aligned.
    fn sync_row(&mut self) {
        let group = self.index.group_of[self.cursor.article]
            .get(self.cursor.sentence)
            .copied()
            .flatten();
        if let Some(row) = group.and_then(|g| self.index.rows.iter().position(|&r| r == g)) {
            self.row = row;
        }
    }

    /// Enter: from the findings, jump to the evidence; from the table, read
    /// the row in the columns; from a sentence, show its finding.
    fn open(&mut self) {
        match (self.focus, self.view) {
            (Focus::Findings | Focus::Detail, _) => {
                if let Some(f) = self.finding {
                    self.show_evidence(f);
                    self.view = View::Columns;
                    self.focus = Focus::Text;
                }
            }
            (Focus::Text, View::Table) => {
                if let Some(&g) = self.index.rows.get(self.row) {
                    let members = &self.analysis.alignments[g].members;
                    let m = members
                        .iter()
                        .find(|m| m.article == self.cursor.article)
                        .unwrap_or(&members[0]);
                    self.cursor = Cursor {
                        article: m.article,
                        sentence: m.sentence,
                    };
                    self.view = View::Columns;
                }
            }
            (Focus::Text, View::Columns) => {
                let article = &self.analysis.articles[self.cursor.article];
                let found =
                    self.index
                        .findings_in(article, self.cursor.article, self.cursor.sentence);
                if let Some(&f) = found.first() {
                    if !self.filter.admits(&self.analysis.findings[f]) {
                        self.filter = Filter::All;
                    }
                    self.select_finding(Some(f));
                    self.focus = Focus::Findings;
                } else {
                    self.status = Some("no finding in this sentence".to_string());
                }
            }
        }
    }

    fn toggle_view(&mut self) {
        self.view = match self.view {
            View::Columns => {
                self.sync_row();
                View::Table
            }
            View::Table => View::Columns,
        };
        self.focus = Focus::Text;
    }

    fn click(&mut self, target: Target) {
        match target {
            Target::Sentence(c) => {
                self.cursor = c;
                self.focus = Focus::Text;
                self.sync_row();
            }
            Target::Finding(f) => {
                self.follow(Some(f));
                self.focus = Focus::Findings;
            }
            Target::Row(r) => {
                self.row = r.min(self.index.rows.len().saturating_sub(1));
                self.focus = Focus::Text;
            }
            Target::Pane(p) => self.focus = p,
        }
    }

    fn search_key(&mut self, key: Key) -> Effect {
        if let Some(c) = key.typed() {
            self.search.draft.push(c);
            self.find(&self.search.draft.clone());
            return Effect::None;
        }
        if key.is_backspace() {
            self.search.draft.pop();
            self.find(&self.search.draft.clone());
            return Effect::None;
        }
        match self.keys.action(key) {
            Some(Action::Open) => {
                self.mode = Mode::Normal;
                self.search.query = std::mem::take(&mut self.search.draft);
                self.search.current = None;
                if self.search.matches.is_empty() {
                    self.status = Some(format!("no match for {:?}", self.search.query));
                } else {
                    self.visit_match(1);
                }
            }
            Some(Action::Cancel | Action::Quit) => {
                self.mode = Mode::Normal;
                self.search.draft.clear();
                self.find(&self.search.query.clone());
            }
            _ => {}
        }
        Effect::None
    }

    /// Finds a query in every article: case-insensitive unless it has a
    /// capital (smart case, as in ripgrep and vim).
    fn find(&mut self, query: &str) {
        self.search.matches.clear();
        self.search.current = None;
        if query.is_empty() {
            return;
        }
        let smart = !query.chars().any(char::is_uppercase);
        let Ok(ac) = AhoCorasick::builder()
            .ascii_case_insensitive(smart)
            .build([query])
        else {
            return;
        };
        for (a, article) in self.analysis.articles.iter().enumerate() {
            for m in ac.find_iter(&article.article.text) {
                self.search.matches.push((a, m.range()));
            }
        }
    }

    /// `]`/`[`: the next or previous match after the cursor, wrapping.
    fn visit_match(&mut self, by: isize) {
        let matches = &self.search.matches;
        if matches.is_empty() {
            self.status = Some("no search: press / to search".to_string());
            return;
        }
        let next = if let Some(at) = self.search.current {
            (at as isize + by).rem_euclid(matches.len() as isize) as usize
        } else {
            // The first match at or after the cursor's sentence.
            let sentences = &self.analysis.articles[self.cursor.article].sentences;
            let here = (
                self.cursor.article,
                sentences[self.cursor.sentence.min(self.last_sentence())]
                    .range
                    .start,
            );
            matches
                .iter()
                .position(|(a, r)| (*a, r.start) >= here)
                .unwrap_or(0)
        };
        self.search.current = Some(next);
        let (article, range) = self.search.matches[next].clone();
        self.cursor = Cursor {
            article,
            sentence: sentence_at(&self.analysis.articles[article], range.start),
        };
        self.view = View::Columns;
        self.focus = Focus::Text;
        self.status = Some(format!(
            "match {} of {}",
            next + 1,
            self.search.matches.len()
        ));
    }

    fn last_sentence(&self) -> usize {
        self.analysis.articles[self.cursor.article]
            .sentences
            .len()
            .saturating_sub(1)
    }

    fn filter_key(&mut self, key: Key) -> Effect {
        let entries = self.filters();
        match self.keys.action(key) {
            Some(Action::Down) => self.menu = clamp_step(self.menu, 1, entries.len()),
            Some(Action::Up) => self.menu = clamp_step(self.menu, -1, entries.len()),
            Some(Action::Open) => {
                self.filter = entries[self.menu.min(entries.len() - 1)].0;
                self.mode = Mode::Normal;
                let listed = self.listed();
                if self.finding.is_some_and(|f| !listed.contains(&f)) {
                    self.select_finding(listed.first().copied());
                }
            }
            Some(Action::Cancel | Action::Filter | Action::Quit) => self.mode = Mode::Normal,
            _ => {}
        }
        Effect::None
    }

    fn help_key(&mut self, key: Key) -> Effect {
        match self.keys.action(key) {
            Some(Action::Down) => self.help_scroll = self.help_scroll.saturating_add(1),
            Some(Action::Up) => self.help_scroll = self.help_scroll.saturating_sub(1),
            Some(Action::Help | Action::Cancel | Action::Quit) => self.mode = Mode::Normal,
            _ => {}
        }
        Effect::None
    }
}

/// `at + by` kept within `0..len`.
fn clamp_step(at: usize, by: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (at as isize).saturating_add(by).clamp(0, len as isize - 1) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Analysis {
        crate::samples::analysis()
    }

    /// Presses keys named as in the key map, separated by spaces.
    fn press(app: &mut App<'_>, keys: &str) -> Effect {
        let mut effect = Effect::None;
        for name in keys.split_whitespace() {
            effect = app.handle(Input::Key(Key::parse(name).unwrap()));
        }
        effect
    }

    #[test]
    fn moving_stays_inside_the_article() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "k k j j j");
        assert_eq!(app.cursor.sentence, 3);
        press(&mut app, "G");
        assert_eq!(
            app.cursor.sentence,
            analysis.articles[0].sentences.len() - 1
        );
        press(&mut app, "j g");
        assert_eq!(app.cursor, Cursor::default());
    }

    #[test]
    fn n_from_the_start_selects_the_first_finding_and_shows_it() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "n");
        assert_eq!(app.finding, Some(0));
        let e = &analysis.findings[0].evidence[0];
        assert_eq!(app.cursor.article, e.article);
        let s = &analysis.articles[e.article].sentences[app.cursor.sentence];
        assert!(s.range.start <= e.range.start && e.range.start < s.range.end);
        press(&mut app, "n n N");
        assert_eq!(app.finding, Some(1));
    }

    #[test]
    fn n_wraps_and_says_so() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "N");
        assert_eq!(app.finding, Some(analysis.findings.len() - 1));
        press(&mut app, "n");
        assert_eq!(app.finding, Some(0));
        assert_eq!(app.status.as_deref(), Some("wrapped to the first finding"));
    }

    #[test]
    fn switching_article_lands_on_the_aligned_sentence() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        let g = &analysis.alignments[0];
        let (a, b) = (g.members[0], g.members[1]);
        app.cursor = Cursor {
            article: a.article,
            sentence: a.sentence,
        };
        let key = if b.article > a.article { "l" } else { "h" };
        for _ in 0..a.article.abs_diff(b.article) {
            press(&mut app, key);
        }
        if a.article.abs_diff(b.article) == 1 {
            assert_eq!(app.cursor.sentence, b.sentence);
        }
        assert_eq!(app.cursor.article, b.article);
    }

    #[test]
    fn enter_on_a_finding_jumps_to_its_evidence_and_back_to_the_text() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "tab");
        assert_eq!(app.focus, Focus::Findings);
        assert_eq!(app.finding, Some(0));
        press(&mut app, "j j enter");
        assert_eq!(app.focus, Focus::Text);
        assert_eq!(app.cursor.article, analysis.findings[2].evidence[0].article);
        // Enter on that sentence leads back to the finding.
        press(&mut app, "enter");
        assert_eq!(app.focus, Focus::Findings);
        assert!(app.finding.is_some());
    }

    #[test]
    fn the_filter_limits_what_n_visits() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        let entries = app.filters();
        let (pos, (filter, count, _)) = entries
            .iter()
            .enumerate()
            .find(|(_, (f, n, _))| matches!(f, Filter::Kind(_)) && *n > 0)
            .unwrap();
        press(&mut app, "f");
        assert_eq!(app.mode, Mode::Filter);
        for _ in 0..pos {
            press(&mut app, "j");
        }
        press(&mut app, "enter");
        assert_eq!(app.filter, *filter);
        assert_eq!(app.listed().len(), *count);
        for _ in 0..5 {
            press(&mut app, "n");
            assert!(filter.admits(&analysis.findings[app.finding.unwrap()]));
        }
        press(&mut app, "f esc");
        assert_eq!(app.mode, Mode::Normal);
        assert_eq!(app.filter, *filter);
    }

    #[test]
    fn search_is_typed_then_visited() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        // Typed text goes to the query, even letters bound to actions.
        press(&mut app, "/ t h e q backspace");
        assert_eq!(app.mode, Mode::Search);
        assert_eq!(app.search.draft, "the");
        let found = app.search.matches.len();
        assert!(found > 3);
        press(&mut app, "enter");
        assert_eq!(app.mode, Mode::Normal);
        assert_eq!(app.search.query, "the");
        assert_eq!(app.search.current, Some(0));
        press(&mut app, "]");
        assert_eq!(app.search.current, Some(1));
        press(&mut app, "[ [");
        assert_eq!(app.search.current, Some(found - 1));
        press(&mut app, "esc");
        assert!(app.search.matches.is_empty());
    }

    #[test]
    fn smart_case() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "/ t h e");
        let any_case = app.search.matches.len();
        press(&mut app, "esc / T h e");
        assert!(app.search.matches.len() < any_case);
    }

    #[test]
    fn help_and_quit() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "?");
        assert_eq!(app.mode, Mode::Help);
        // q closes the help; it does not quit.
        assert_eq!(press(&mut app, "q"), Effect::None);
        assert_eq!(app.mode, Mode::Normal);
        assert_eq!(press(&mut app, "q"), Effect::Quit);
    }

    #[test]
    fn the_table_opens_its_row_in_the_columns() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "v");
        assert_eq!(app.view, View::Table);
        press(&mut app, "j enter");
        assert_eq!(app.view, View::Columns);
        let g = app.index.rows[1];
        let members = &analysis.alignments[g].members;
        assert!(
            members
                .iter()
                .any(|m| m.article == app.cursor.article && m.sentence == app.cursor.sentence)
        );
    }

    #[test]
    fn mouse_selects_and_scrolls() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        app.handle(Input::Click(Target::Sentence(Cursor {
            article: 1,
            sentence: 2,
        })));
        assert_eq!(
            app.cursor,
            Cursor {
                article: 1,
                sentence: 2
            }
        );
        app.handle(Input::Scroll(Focus::Text, 3));
        assert_eq!(app.cursor.sentence, 5);
        app.handle(Input::Click(Target::Finding(3)));
        assert_eq!((app.focus, app.finding), (Focus::Findings, Some(3)));
    }

    fn fixed_clock() -> String {
        "2026-11-21T10:00:00Z".to_string()
    }

    fn reviewing(analysis: &Analysis) -> App<'_> {
        let mut app = App::new(analysis, KeyMap::default());
        app.clock = fixed_clock;
        app
    }

    #[test]
    fn verdicts_apply_to_the_selected_finding_and_ask_to_be_saved() {
        let analysis = sample();
        let mut app = reviewing(&analysis);
        assert_eq!(press(&mut app, "n a"), Effect::Save);
        assert_eq!(app.status_of(0), Status::Decided(Verdict::Accept));
        // A verdict moves on, as a review queue does: a then r decide two
        // findings in a row, and the columns show the next one's evidence.
        assert_eq!(app.finding, Some(1));
        assert_eq!(app.cursor.article, analysis.findings[1].evidence[0].article);
        assert_eq!(press(&mut app, "r"), Effect::Save);
        assert_eq!(app.status_of(1), Status::Decided(Verdict::Reject));
        assert_eq!(app.progress(), (2, analysis.findings.len()));
        assert_eq!(app.finding, Some(2));
        // A skip leaves the finding undecided and moves on.
        assert_eq!(press(&mut app, "N s"), Effect::Save);
        assert_eq!(app.status_of(1), Status::Decided(Verdict::Skip));
        assert_eq!(app.finding, Some(2));
        assert_eq!(app.progress().0, 1);
        let d = app.review.decision(0).unwrap();
        assert_eq!(d.at, "2026-11-21T10:00:00Z");
    }

    #[test]
    fn undo_goes_back_several_steps() {
        let analysis = sample();
        let mut app = reviewing(&analysis);
        // Accept 0, reject 1, back to 1 and accept it instead.
        press(&mut app, "n a r N a");
        assert_eq!(app.progress().0, 2);
        assert_eq!(app.status_of(1), Status::Decided(Verdict::Accept));
        assert_eq!(press(&mut app, "u"), Effect::Save);
        assert_eq!(app.status_of(1), Status::Decided(Verdict::Reject));
        press(&mut app, "u");
        assert_eq!(app.status_of(1), Status::Undecided);
        assert_eq!(app.status_of(0), Status::Decided(Verdict::Accept));
        press(&mut app, "u");
        assert_eq!(app.progress().0, 0);
        assert_eq!(press(&mut app, "u"), Effect::None);
        assert_eq!(app.status.as_deref(), Some("nothing to undo"));
    }

    #[test]
    fn accept_all_asks_first_and_applies_to_the_filter() {
        let analysis = sample();
        let mut app = reviewing(&analysis);
        press(&mut app, "A");
        assert_eq!(app.mode, Mode::Confirm(Verdict::Accept));
        // Anything but the confirm key changes nothing.
        assert_eq!(press(&mut app, "n"), Effect::None);
        assert_eq!(app.progress().0, 0);
        app.filter = Filter::Severity(Severity::High);
        let high = app.listed().len();
        press(&mut app, "A");
        assert_eq!(press(&mut app, "y"), Effect::Save);
        assert_eq!(app.progress().0, high);
        assert!(high < analysis.findings.len());
        // One undo takes the whole batch back.
        press(&mut app, "u");
        assert_eq!(app.progress().0, 0);
    }

    #[test]
    fn undecided_only_hides_what_is_decided() {
        let analysis = sample();
        let mut app = reviewing(&analysis);
        press(&mut app, "o n a");
        assert!(app.undecided_only);
        assert!(!app.listed().contains(&0));
        // The selection moved to the finding that took its place.
        assert_eq!(app.finding, Some(1));
        press(&mut app, "o");
        assert!(app.listed().contains(&0));
        // U is left free: helix users expect it to redo.
        assert_eq!(press(&mut app, "U"), Effect::None);
        assert!(!app.undecided_only);
    }

    #[test]
    fn with_advance_off_a_verdict_stays_on_its_finding() {
        let analysis = sample();
        let mut app = reviewing(&analysis);
        app.keys = KeyMap::with_overrides("[review]\nadvance = false\n").unwrap();
        press(&mut app, "n a");
        assert_eq!(app.finding, Some(0));
        press(&mut app, "r");
        // The same finding, now rejected; a skip still moves on.
        assert_eq!(app.status_of(0), Status::Decided(Verdict::Reject));
        assert_eq!(app.progress().0, 1);
        press(&mut app, "s");
        assert_eq!(app.finding, Some(1));
    }

    #[test]
    fn during_a_search_n_goes_to_matches_and_after_esc_to_findings() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "/ t h e enter");
        assert_eq!(app.search.current, Some(0));
        press(&mut app, "n n");
        assert_eq!(app.search.current, Some(2));
        assert_eq!(app.finding, None);
        press(&mut app, "N");
        assert_eq!(app.search.current, Some(1));
        assert_eq!(
            app.status.as_deref(),
            Some(&*format!("match 2 of {}", app.search.matches.len()))
        );
        press(&mut app, "esc n");
        assert_eq!(app.finding, Some(0));
    }

    #[test]
    fn moving_through_the_findings_moves_the_columns_to_the_evidence() {
        let analysis = sample();
        let mut app = App::new(&analysis, KeyMap::default());
        press(&mut app, "tab");
        for f in 1..analysis.findings.len().min(5) {
            press(&mut app, "j");
            assert_eq!(app.finding, Some(f));
            assert_eq!(app.focus, Focus::Findings);
            let e = &analysis.findings[f].evidence[0];
            assert_eq!(app.cursor.article, e.article, "finding {f}");
            let s = &analysis.articles[e.article].sentences[app.cursor.sentence];
            assert!(s.range.start <= e.range.start && e.range.start < s.range.end);
        }
    }

    #[test]
    fn a_note_takes_every_key_as_text_and_esc_keeps_it() {
        let analysis = sample();
        let mut app = reviewing(&analysis);
        press(&mut app, "n e");
        assert_eq!(app.mode, Mode::Note);
        // Keys bound to actions elsewhere are text here.
        assert_eq!(press(&mut app, "q a n ? space enter x"), Effect::None);
        assert_eq!(app.mode, Mode::Note);
        assert_eq!(press(&mut app, "esc"), Effect::Save);
        assert_eq!(app.mode, Mode::Normal);
        let note = app.review.decision(0).unwrap().note.clone();
        assert_eq!(note.as_deref(), Some("qan? \nx"));
        // Reopening edits the same note; ctrl-s keeps it too.
        press(&mut app, "e backspace backspace ctrl-s");
        assert_eq!(
            app.review.decision(0).unwrap().note.as_deref(),
            Some("qan?")
        );
        // Emptied, it is removed.
        press(
            &mut app,
            "e backspace backspace backspace backspace backspace esc",
        );
        assert_eq!(app.review.decision(0).unwrap().note, None);
    }

    #[test]
    fn export_picks_a_format() {
        let analysis = sample();
        let mut app = reviewing(&analysis);
        press(&mut app, "x");
        assert_eq!(app.mode, Mode::Export);
        // The format, then the file: a name in the current directory.
        assert_eq!(press(&mut app, "j enter"), Effect::None);
        assert_eq!(app.mode, Mode::ExportPath);
        let format = App::formats()[1];
        let default = format!("parallax-report.{}", format.extension());
        assert_eq!(app.export, Some((format, default.clone())));
        assert_eq!(
            press(&mut app, "enter"),
            Effect::Export {
                format,
                path: default.into(),
                overwrite: false
            }
        );
        assert_eq!(app.mode, Mode::Normal);
    }

    #[test]
    fn export_asks_before_replacing_a_file() {
        let analysis = sample();
        let mut app = reviewing(&analysis);
        // Typed text is the name, even letters bound to actions.
        press(&mut app, "x enter");
        for _ in 0.."parallax-report.txt".len() {
            press(&mut app, "backspace");
        }
        let effect = press(&mut app, "q . t x t enter");
        let ours = |overwrite| Effect::Export {
            format: App::formats()[0],
            path: "q.txt".into(),
            overwrite,
        };
        assert_eq!(effect, ours(false));
        // The loop finds q.txt there: nothing is written without a yes.
        app.ask_overwrite();
        assert_eq!(press(&mut app, "n"), Effect::None);
        assert_eq!(app.mode, Mode::ExportPath);
        assert_eq!(press(&mut app, "enter"), ours(false));
        app.ask_overwrite();
        assert_eq!(press(&mut app, "y"), ours(true));
        // Esc while naming the file exports nothing.
        press(&mut app, "x enter");
        assert_eq!(press(&mut app, "esc"), Effect::None);
        assert_eq!(app.mode, Mode::Normal);
    }
}
