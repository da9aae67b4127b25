//! Writes a loaded `Kb` as Rust source, for `build.rs`: the embedded
//! knowledge base becomes `static`s, so a run neither parses, allocates nor
//! indexes it. Entity text is written once into `TEXT` and referred to by
//! span (`T::builtin(start, end)`); lists inside entities are spans of the
//! flat tables `TEXTS`, `HOLDERS` and `TERMS`: the tables hold no pointers
//! for the dynamic loader to relocate. Top-level tables are
//! `Cow::Borrowed` (`B`), dates `Date::constant`, entities `E::Kind(n)`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::index::{Index, PhraseAt, Span, StrMap, Strs};
use super::model::{
    Administration, Country, Entity, Event, Holder, Kb, List, Office, Organization, Person, Place,
    Stored, Term, Text,
};

/// The statics `TEXT`, `TEXTS`, `HOLDERS`, `TERMS` and `KB`.
pub fn kb(kb: &Kb) -> String {
    let mut e = Emitter::default();
    let mut out = String::from("pub(super) static KB: Kb = ");
    kb.emit(&mut e, &mut out);
    out.push_str(";\n");
    let _ = writeln!(out, "pub(super) static TEXT: &str = {:?};", e.text);
    for (name, ty, table) in [
        ("TEXTS", "Text", &e.texts),
        ("HOLDERS", "Holder", &e.holders),
        ("TERMS", "Term", &e.terms),
    ] {
        let _ = writeln!(out, "pub(super) static {name}: &[{ty}] = &[{}];", table.0);
    }
    out
}

/// The shared text and flat tables, filled while the KB is written.
#[derive(Default)]
struct Emitter {
    text: String,
    /// Where each distinct text already is in `text`.
    spans: HashMap<String, (usize, usize)>,
    /// Each table's items as source, and how many there are.
    texts: (String, u32),
    holders: (String, u32),
    terms: (String, u32),
}

trait Emit {
    fn emit(&self, e: &mut Emitter, out: &mut String);
}

/// Items with a flat table in the generated source.
trait Tabled: Emit + Stored {
    fn table(e: &mut Emitter) -> &mut (String, u32);
}

impl Tabled for Text {
    fn table(e: &mut Emitter) -> &mut (String, u32) {
        &mut e.texts
    }
}

impl Tabled for Holder {
    fn table(e: &mut Emitter) -> &mut (String, u32) {
        &mut e.holders
    }
}

impl Tabled for Term {
    fn table(e: &mut Emitter) -> &mut (String, u32) {
        &mut e.terms
    }
}

impl Emit for Text {
    fn emit(&self, e: &mut Emitter, out: &mut String) {
        let (start, end) = *e.spans.entry(self.to_string()).or_insert_with(|| {
            let start = e.text.len();
            e.text.push_str(self);
            (start, e.text.len())
        });
        let _ = write!(out, "T::builtin({start}, {end})");
    }
}

impl<T: Tabled> Emit for List<T> {
    fn emit(&self, e: &mut Emitter, out: &mut String) {
        let mut items = String::new();
        for item in self.iter() {
            item.emit(e, &mut items);
            items.push(',');
        }
        let table = T::table(e);
        let start = table.1;
        table.0.push_str(&items);
        table.1 += self.len() as u32;
        let _ = write!(out, "L::builtin({start}, {})", table.1);
    }
}

impl Emit for Cow<'static, str> {
    fn emit(&self, _: &mut Emitter, out: &mut String) {
        let _ = write!(out, "B({:?})", &**self);
    }
}

impl<T: Emit + Clone> Emit for Cow<'static, [T]> {
    fn emit(&self, e: &mut Emitter, out: &mut String) {
        out.push_str("B(&[");
        for item in self.iter() {
            item.emit(e, out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, e: &mut Emitter, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.emit(e, out);
                out.push(')');
            }
        }
    }
}

impl<A: Emit, B: Emit> Emit for (A, B) {
    fn emit(&self, e: &mut Emitter, out: &mut String) {
        out.push('(');
        self.0.emit(e, out);
        out.push(',');
        self.1.emit(e, out);
        out.push(')');
    }
}

impl Emit for u32 {
    fn emit(&self, _: &mut Emitter, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Emit for bool {
    fn emit(&self, _: &mut Emitter, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Emit for Date {
    fn emit(&self, _: &mut Emitter, out: &mut String) {
        let _ = write!(
            out,
            "Date::constant({}, {}, {})",
            self.year(),
            self.month(),
            self.day()
        );
    }
}

impl Emit for Entity {
    fn emit(&self, _: &mut Emitter, out: &mut String) {
        let _ = write!(out, "E::{self:?}");
    }
}

impl Emit for Span {
    fn emit(&self, _: &mut Emitter, out: &mut String) {
        let _ = write!(out, "Span({}, {})", self.0, self.1);
    }
}

impl<V: Emit + Clone> Emit for StrMap<V> {
    fn emit(&self, e: &mut Emitter, out: &mut String) {
        out.push_str("StrMap {keys: ");
        self.keys.emit(e, out);
        out.push_str(", values: ");
        self.values.emit(e, out);
        out.push_str(", slots: ");
        self.slots.emit(e, out);
        out.push('}');
    }
}

/// `Name { field: …, … }` for structs whose fields all emit.
macro_rules! emit_struct {
    ($ty:ident { $($field:ident),* }) => {
        impl Emit for $ty {
            fn emit(&self, e: &mut Emitter, out: &mut String) {
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.emit(e, out);
                    out.push(',');
                )*
                out.push_str("}\n");
            }
        }
    };
}

emit_struct!(Term { from, to });
emit_struct!(Holder {
    person,
    term,
    acting,
    partial_start
});
emit_struct!(Country {
    code,
    name,
    aliases,
    demonyms,
    short
});
emit_struct!(Person {
    id,
    name,
    aliases,
    surname
});
emit_struct!(Office {
    id,
    title,
    country,
    name,
    aliases,
    kind,
    single,
    holders
});
emit_struct!(Organization {
    id,
    name,
    kind,
    country,
    aliases
});
emit_struct!(Place {
    id,
    name,
    kind,
    country,
    aliases
});
emit_struct!(Event {
    id,
    name,
    kind,
    term,
    aliases,
    keywords
});
emit_struct!(Administration {
    id,
    name,
    office,
    person,
    terms
});
emit_struct!(PhraseAt { entities, written });
emit_struct!(Strs { text, ends });
emit_struct!(Index {
    surnames,
    surname_people,
    offices_of,
    holdings,
    phrases,
    phrase_entities,
    written,
    written_entities,
    starts
});
emit_struct!(Kb {
    as_of,
    countries,
    people,
    offices,
    organizations,
    places,
    events,
    administrations,
    ambiguous,
    sources,
    index
});
