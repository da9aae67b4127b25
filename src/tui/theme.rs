//! How marks look, with colour and without (`NO_COLOR`). Without colour every
//! mark that matters still shows: findings by underline and bold and a
//! gutter sign, the cursor reversed, differing words bold.

use ratatui::style::{Color, Modifier, Style};

use crate::detect::Severity;
use crate::extract::MentionKind;

/// Something a stretch of text is, in the order marks are laid on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Mention(MentionKind),
    Evidence(Severity),
    Aligned,
    Cursor,
    Changed,
    Match,
    CurrentMatch,
}

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// The style a mark adds.
    #[must_use]
    pub fn mark(self, mark: Mark) -> Style {
        let s = Style::new();
        if !self.color {
            return match mark {
                Mark::Mention(_) => s,
                Mark::Evidence(Severity::High) => {
                    s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                }
                Mark::Evidence(_) => s.add_modifier(Modifier::UNDERLINED),
                Mark::Aligned => s.add_modifier(Modifier::ITALIC),
                Mark::Cursor | Mark::CurrentMatch => s.add_modifier(Modifier::REVERSED),
                Mark::Changed => s.add_modifier(Modifier::BOLD),
                Mark::Match => s.add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            };
        }
        match mark {
            Mark::Mention(kind) => s.fg(mention_color(kind)),
            Mark::Evidence(sev) => s
                .fg(self.severity_color(sev))
                .add_modifier(Modifier::UNDERLINED),
            Mark::Aligned => s.bg(Color::Indexed(236)),
            Mark::Cursor => s.bg(Color::Indexed(238)),
            Mark::Changed => s.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            Mark::Match => s.bg(Color::Yellow).fg(Color::Black),
            Mark::CurrentMatch => s.bg(Color::LightYellow).fg(Color::Black),
        }
    }

    #[must_use]
    #[allow(
        clippy::unused_self,
        reason = "every style is asked of the theme, so a theme can change any"
    )]
    pub fn severity_color(self, sev: Severity) -> Color {
        match sev {
            Severity::High => Color::LightRed,
            Severity::Medium => Color::Yellow,
            Severity::Low => Color::Cyan,
        }
    }

    /// The severity label's style.
    #[must_use]
    pub fn severity(self, sev: Severity) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            s.fg(self.severity_color(sev))
        } else if sev == Severity::High {
            s.add_modifier(Modifier::UNDERLINED)
        } else {
            s
        }
    }

    /// A selected row in a list or table.
    #[must_use]
    pub fn selected(self, focused: bool) -> Style {
        match (self.color, focused) {
            (true, true) => Style::new()
                .bg(Color::Indexed(24))
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().bg(Color::Indexed(238)),
            (false, true) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, false) => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The border of a pane.
    #[must_use]
    pub fn border(self, focused: bool) -> Style {
        match (self.color, focused) {
            (_, false) => Style::new().add_modifier(Modifier::DIM),
            (true, true) => Style::new().fg(Color::LightBlue),
            (false, true) => Style::new().add_modifier(Modifier::BOLD),
        }
    }

    #[must_use]
    #[allow(
        clippy::unused_self,
        reason = "every style is asked of the theme, so a theme can change any"
    )]
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    #[must_use]
    #[allow(
        clippy::unused_self,
        reason = "every style is asked of the theme, so a theme can change any"
    )]
    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The bar at the top and the hint line.
    #[must_use]
    pub fn bar(self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(236))
        } else {
            Style::new()
        }
    }

    #[must_use]
    pub fn key(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}

/// The gutter sign of the worst finding on a line.
#[must_use]
pub fn severity_sign(sev: Severity) -> char {
    match sev {
        Severity::High => '‼',
        Severity::Medium => '!',
        Severity::Low => '·',
    }
}

fn mention_color(kind: MentionKind) -> Color {
    match kind {
        MentionKind::Person => Color::LightCyan,
        MentionKind::Office => Color::LightMagenta,
        MentionKind::Organization | MentionKind::Place => Color::LightBlue,
        MentionKind::Quantity => Color::LightGreen,
        MentionKind::Date => Color::Green,
        MentionKind::Attribution => Color::Gray,
    }
}
