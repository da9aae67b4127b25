//! The report templates, embedded in the binary: the layout of the HTML
//! and Markdown reports is data (`assets/templates/`), filled from the
//! view model. Templates named `.html` are escaped by minijinja as they are
//! filled, those named `.md` by `markdown::inline`; nothing in them marks
//! article text safe.

use std::sync::OnceLock;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

pub const HTML: &str = "report.html";
pub const MARKDOWN: &str = "report.md";

/// The auto-escape mode of `.md` templates.
const MARKDOWN_ESCAPE: &str = "markdown";

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        // Block tags on lines of their own leave no trace, and a template's
        // last newline is kept: the output is laid out as the template is.
        let syntax = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid");
        env.set_syntax(syntax);
        // A misspelt field is an error, not an empty string.
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        super::markdown::filters(&mut env);
        // Markdown is escaped as HTML is: whatever a `.md` template prints
        // goes through the Markdown escape unless a filter made it already
        // (`cell`, `plain`, `code`, `tick`), so a new field cannot skip it.
        env.set_auto_escape_callback(|name| {
            if name == MARKDOWN {
                AutoEscape::Custom(MARKDOWN_ESCAPE.into())
            } else {
                minijinja::default_auto_escape_callback(name)
            }
        });
        // Whatever a template prints, control characters and bidirectional
        // overrides from articles or notes come out as placeholders: a
        // report may be read in a terminal.
        env.set_formatter(|out, state, value| {
            if matches!(state.auto_escape(), AutoEscape::Custom(_)) {
                if value.is_safe() {
                    return minijinja::escape_formatter(out, state, value);
                }
                let text = if value.is_undefined() || value.is_none() {
                    String::new()
                } else {
                    value.to_string()
                };
                return out
                    .write_str(&super::markdown::inline(&text))
                    .map_err(Into::into);
            }
            match value.as_str() {
                Some(s) if s.chars().any(unprintable) => {
                    let shown: String = s
                        .chars()
                        .map(|c| if unprintable(c) { '\u{FFFD}' } else { c })
                        .collect();
                    minijinja::escape_formatter(out, state, &Value::from(shown))
                }
                _ => minijinja::escape_formatter(out, state, value),
            }
        });
        for (name, source) in [
            (HTML, include_str!("../../assets/templates/report.html")),
            (MARKDOWN, include_str!("../../assets/templates/report.md")),
        ] {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("embedded template {name} is invalid: {e:#}"));
        }
        env
    })
}

/// Characters that act on a terminal: controls other than line breaks and
/// tabs, and bidirectional overrides and isolates.
fn unprintable(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Fills an embedded template.
///
/// # Panics
/// If the template does not fit the view model, which the report tests
/// rule out for every template.
pub fn render(name: &str, context: &impl Serialize) -> String {
    environment()
        .get_template(name)
        .and_then(|t| t.render(Value::from(Serde(context))))
        .unwrap_or_else(|e| panic!("report template {name} failed: {e:#}"))
}
