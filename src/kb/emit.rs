//! Writes a loaded `Kb` as Rust source, for `build.rs`: the embedded
//! knowledge base becomes a `static`, so a run neither parses, allocates nor
//! indexes it. Text is written as string literals, lists as `&[…]`, dates
//! as `Date::constant`, entities as `E::Kind(n)`.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::index::{Index, PhraseAt, Span, StrMap, Strs};
use super::model::{
    Administration, Country, Entity, Event, Holder, Kb, Office, Organization, Person, Place, Term,
};

/// The static `KB`.
pub fn kb(kb: &Kb) -> String {
    let mut out = String::from("pub(super) static KB: Kb = ");
    kb.emit(&mut out);
    out.push_str(";\n");
    out
}

trait Emit {
    fn emit(&self, out: &mut String);
}

impl Emit for &str {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "{self:?}");
    }
}

impl<T: Emit> Emit for &[T] {
    fn emit(&self, out: &mut String) {
        out.push_str("&[");
        for item in *self {
            item.emit(out);
            out.push(',');
        }
        out.push(']');
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
        }
    }
}

impl<A: Emit, B: Emit> Emit for (A, B) {
    fn emit(&self, out: &mut String) {
        out.push('(');
        self.0.emit(out);
        out.push(',');
        self.1.emit(out);
        out.push(')');
    }
}

impl Emit for u32 {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Emit for bool {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Emit for Date {
    fn emit(&self, out: &mut String) {
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
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "E::{self:?}");
    }
}

impl Emit for Span {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "Span({}, {})", self.0, self.1);
    }
}

impl<V: Emit> Emit for StrMap<V> {
    fn emit(&self, out: &mut String) {
        out.push_str("StrMap {keys: ");
        self.keys.emit(out);
        out.push_str(", values: ");
        self.values.emit(out);
        out.push_str(", slots: ");
        self.slots.emit(out);
        out.push('}');
    }
}

/// `Name { field: …, … }` for structs whose fields all emit.
macro_rules! emit_struct {
    ($ty:ident { $($field:ident),* }) => {
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.emit(out);
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
    also,
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
