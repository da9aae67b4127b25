//! A loaded, indexed KB written as one binary file, read back without
//! parsing or indexing: the user KB's cache. A 50,000-person user KB takes
//! most of a second to parse from TOML and index; read from its snapshot,
//! a few milliseconds (`cargo bench --bench kb`).
//!
//! The layout follows the tables: every text in one string, referred to by
//! offset and length; numbers little-endian `u32`; lists a length, then
//! their items. A header names the format and what the snapshot was made
//! from ([`Key`]); a snapshot whose key differs, or that does not read to
//! its end, is not used, and the KB is loaded from its files instead.

use jiff::civil::Date;

use super::index::{Index, PhraseAt, Span, StrMap, Strs};
use super::model::{
    Administration, Country, Entity, Event, Holder, Kb, Office, Organization, Person, Place, Term,
    leak, leak_str,
};

const MAGIC: &[u8; 8] = b"PLXKB\x00\x00\x01";

/// What a snapshot was made from: this build of Parallax (its version and
/// embedded files) and the files loaded over them (their paths, sizes and
/// modification times). Reading the files to hash them would cost what the
/// snapshot saves.
#[must_use]
pub fn key(files: &[&std::path::Path]) -> Option<u64> {
    let mut parts: Vec<String> = vec![env!("CARGO_PKG_VERSION").to_string()];
    for (name, json) in super::builtin::SOURCES {
        // About a megabyte of embedded text: a millisecond to hash.
        parts.push(format!("{name}:{}", crate::text::stable_hash([*json])));
    }
    for f in files {
        let meta = std::fs::metadata(f).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        parts.push(format!(
            "{}:{}:{}",
            f.display(),
            meta.len(),
            modified.as_nanos()
        ));
    }
    Some(crate::text::stable_hash(parts.iter().map(String::as_str)))
}

/// The snapshot of `kb`, made from what `key` names.
#[must_use]
pub fn write(kb: &Kb, key: u64) -> Vec<u8> {
    let mut w = Writer::default();
    kb.pack(&mut w);
    let mut out = Vec::with_capacity(32 + w.text.len() + w.data.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&(w.text.len() as u64).to_le_bytes());
    out.extend_from_slice(w.text.as_bytes());
    out.extend_from_slice(&w.data);
    let sum = checksum(&out[MAGIC.len()..]);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// A checksum of the body, eight bytes at a time: damage anywhere (a
/// half-written file, a flipped bit) makes the snapshot unused rather
/// than a KB whose spans point nowhere.
fn checksum(bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    let mut h: u64 = bytes.len() as u64;
    for c in &mut chunks {
        let word = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

/// The KB in a snapshot made from what `key` names; `None` when it was
/// made from something else or is damaged.
#[must_use]
pub fn read(bytes: &[u8], key: u64) -> Option<Kb> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (rest, sum) = rest.split_at_checked(rest.len().checked_sub(8)?)?;
    if checksum(rest).to_le_bytes() != sum {
        return None;
    }
    let (stored, rest) = rest.split_at_checked(8)?;
    if u64::from_le_bytes(stored.try_into().ok()?) != key {
        return None;
    }
    let (len, rest) = rest.split_at_checked(8)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let (text, data) = rest.split_at_checked(len)?;
    let text = leak_str(std::str::from_utf8(text).ok()?.to_string());
    let mut r = Reader { text, data, at: 0 };
    let kb = Kb::unpack(&mut r)?;
    (r.at == data.len()).then_some(kb)
}

#[derive(Default)]
struct Writer {
    text: String,
    data: Vec<u8>,
    /// Texts already written, to write a repeated one once.
    seen: rustc_hash::FxHashMap<&'static str, (u32, u32)>,
}

impl Writer {
    fn u32(&mut self, n: u32) {
        self.data.extend_from_slice(&n.to_le_bytes());
    }

    fn str(&mut self, s: &'static str) {
        let (at, len) = *self.seen.entry(s).or_insert_with(|| {
            let at = self.text.len() as u32;
            self.text.push_str(s);
            (at, s.len() as u32)
        });
        self.u32(at);
        self.u32(len);
    }
}

struct Reader<'a> {
    text: &'static str,
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u32(&mut self) -> Option<u32> {
        let bytes = self.data.get(self.at..self.at + 4)?;
        self.at += 4;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    }

    fn str(&mut self) -> Option<&'static str> {
        let at = self.u32()? as usize;
        let len = self.u32()? as usize;
        self.text.get(at..at + len)
    }
}

/// Written to and read from a snapshot.
trait Pack: Sized {
    fn pack(&self, w: &mut Writer);
    fn unpack(r: &mut Reader<'_>) -> Option<Self>;
}

impl Pack for &'static str {
    fn pack(&self, w: &mut Writer) {
        w.str(self);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        r.str()
    }
}

impl Pack for u32 {
    fn pack(&self, w: &mut Writer) {
        w.u32(*self);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        r.u32()
    }
}

impl Pack for bool {
    fn pack(&self, w: &mut Writer) {
        w.u32(u32::from(*self));
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        Some(r.u32()? != 0)
    }
}

impl Pack for Date {
    fn pack(&self, w: &mut Writer) {
        let packed =
            (i32::from(self.year()) << 9) | (i32::from(self.month()) << 5) | i32::from(self.day());
        w.u32(packed as u32);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.u32()? as i32;
        Date::new((n >> 9) as i16, ((n >> 5) & 15) as i8, (n & 31) as i8).ok()
    }
}

impl<T: Pack + 'static> Pack for &'static [T] {
    fn pack(&self, w: &mut Writer) {
        w.u32(self.len() as u32);
        for item in *self {
            item.pack(w);
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.u32()? as usize;
        if n == 0 {
            return Some(&[]);
        }
        // A damaged length must not ask for more memory than the data holds.
        if n > r.data.len() - r.at {
            return None;
        }
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::unpack(r)?);
        }
        Some(leak(items))
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, w: &mut Writer) {
        w.u32(u32::from(self.is_some()));
        if let Some(v) = self {
            v.pack(w);
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        match r.u32()? {
            0 => Some(None),
            1 => Some(Some(T::unpack(r)?)),
            _ => None,
        }
    }
}

impl<A: Pack, B: Pack> Pack for (A, B) {
    fn pack(&self, w: &mut Writer) {
        self.0.pack(w);
        self.1.pack(w);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        Some((A::unpack(r)?, B::unpack(r)?))
    }
}

impl Pack for Entity {
    fn pack(&self, w: &mut Writer) {
        let (tag, i) = match *self {
            Entity::Country(i) => (0, i),
            Entity::Demonym(i) => (1, i),
            Entity::Person(i) => (2, i),
            Entity::Office(i) => (3, i),
            Entity::Organization(i) => (4, i),
            Entity::Place(i) => (5, i),
            Entity::Event(i) => (6, i),
            Entity::Administration(i) => (7, i),
        };
        w.u32(tag);
        w.u32(i);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        let tag = r.u32()?;
        let i = r.u32()?;
        Some(match tag {
            0 => Entity::Country(i),
            1 => Entity::Demonym(i),
            2 => Entity::Person(i),
            3 => Entity::Office(i),
            4 => Entity::Organization(i),
            5 => Entity::Place(i),
            6 => Entity::Event(i),
            7 => Entity::Administration(i),
            _ => return None,
        })
    }
}

impl Pack for Span {
    fn pack(&self, w: &mut Writer) {
        w.u32(self.0);
        w.u32(self.1);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        Some(Span(r.u32()?, r.u32()?))
    }
}

impl<V: Pack + 'static> Pack for StrMap<V> {
    fn pack(&self, w: &mut Writer) {
        self.keys.pack(w);
        self.values.pack(w);
        self.slots.pack(w);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        let map = StrMap {
            keys: Strs::unpack(r)?,
            values: Pack::unpack(r)?,
            slots: Pack::unpack(r)?,
        };
        // Probing assumes a power-of-two table and keys that end in the text.
        let fits = map.slots.is_empty() || map.slots.len().is_power_of_two();
        let ends_fit = map
            .keys
            .ends
            .iter()
            .all(|&e| e as usize <= map.keys.text.len());
        let slots_fit = map.slots.iter().all(|&s| s as usize <= map.keys.ends.len());
        (fits && ends_fit && slots_fit && map.values.len() == map.keys.ends.len()).then_some(map)
    }
}

/// `Name { field, … }` for structs whose fields all pack, in field order.
macro_rules! pack_struct {
    ($ty:ident { $($field:ident),* }) => {
        impl Pack for $ty {
            fn pack(&self, w: &mut Writer) {
                $( self.$field.pack(w); )*
            }
            fn unpack(r: &mut Reader<'_>) -> Option<Self> {
                Some($ty { $( $field: Pack::unpack(r)?, )* })
            }
        }
    };
}

pack_struct!(Term { from, to });
pack_struct!(Holder {
    person,
    term,
    acting,
    partial_start
});
pack_struct!(Country {
    code,
    name,
    aliases,
    demonyms,
    short
});
pack_struct!(Person {
    id,
    name,
    aliases,
    surname
});
pack_struct!(Office {
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
pack_struct!(Organization {
    id,
    name,
    kind,
    country,
    aliases
});
pack_struct!(Place {
    id,
    name,
    kind,
    country,
    aliases
});
pack_struct!(Event {
    id,
    name,
    kind,
    term,
    aliases,
    keywords
});
pack_struct!(Administration {
    id,
    name,
    office,
    person,
    terms
});
pack_struct!(PhraseAt { entities, written });
pack_struct!(Strs { text, ends });
pack_struct!(Index {
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
pack_struct!(Kb {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_reads_back_as_the_kb() {
        let kb = Kb::with_files(&[] as &[&std::path::Path]).unwrap();
        let bytes = write(&kb, 7);
        let back = read(&bytes, 7).expect("the same key");
        assert!(back == kb);
        assert!(read(&bytes, 8).is_none(), "another key");
        assert!(read(&bytes[..bytes.len() - 1], 7).is_none(), "cut short");
        for at in [20, bytes.len() / 2, bytes.len() - 12] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x10;
            assert!(read(&damaged, 7).is_none(), "damage at {at}");
        }
    }
}
