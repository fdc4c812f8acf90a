//! A contract value as a tape: how the browser's JavaScript API hands a
//! decision to JavaScript. The value is written as words (what comes next:
//! an object, a string, a number…) and one text holding its strings, and
//! `www/tape.js` builds the plain object from them in one call. A JSON text
//! took 40 % longer in Chromium (26.0 against 18.5 µs for a business-hours
//! decision): serde_json escaped and copied every byte, then the browser
//! parsed them again.
//!
//! Strings the program never changes (field names, enum spellings, the
//! catalogues' messages, which live as long as the module) are passed by
//! their address rather than copied: the builder reads each once and keeps
//! it, so every later decision reuses the same JS string.

use super::raw::Raw;
use serde::ser::{self, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt::Display;

/// Writes a string the program never changes (a catalogue's message, a
/// field's name) as a unit variant named by it: JSON writes that as the
/// string, and a tape by its address. Used with `serialize_with`.
pub fn fixed<S: Serializer>(text: &&'static str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_unit_variant("", 0, text)
}

/// [`fixed`] for each string of a list.
pub fn fixed_list<S: Serializer>(texts: &[&'static str], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(texts.iter().map(Fixed))
}

/// A shipped text as [`fixed`], one written for this decision as a string.
// A `&str` would lose what this reads: whether the text is borrowed.
#[allow(clippy::ptr_arg)]
pub fn text<S: Serializer>(text: &Cow<'static, str>, serializer: S) -> Result<S::Ok, S::Error> {
    match text {
        Cow::Borrowed(shipped) => fixed(shipped, serializer),
        Cow::Owned(written) => serializer.serialize_str(written),
    }
}

/// [`text`] for each text of a list.
pub fn text_list<S: Serializer>(
    texts: &[Cow<'static, str>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(texts.iter().map(Written))
}

/// A string serialized by [`fixed`].
struct Fixed<'a>(&'a &'static str);

impl Serialize for Fixed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        fixed(self.0, serializer)
    }
}

/// A text serialized by [`text`].
struct Written<'a>(&'a Cow<'static, str>);

impl Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        text(self.0, serializer)
    }
}

/// The words of a tape. Each value starts with one of them; the strings'
/// lengths are in UTF-16 units, JavaScript's.
pub mod word {
    pub const NULL: u32 = 0;
    pub const FALSE: u32 = 1;
    pub const TRUE: u32 = 2;
    /// Followed by the low and high halves of an `f64`.
    pub const NUMBER: u32 = 3;
    /// Followed by the length of the next string in the text.
    pub const TEXT: u32 = 4;
    /// Followed by the address and byte length of a static UTF-8 string.
    pub const STATIC: u32 = 5;
    /// Values until [`END`].
    pub const ARRAY: u32 = 6;
    /// Key and value pairs until [`END`]; a key is a [`TEXT`] or [`STATIC`].
    pub const OBJECT: u32 = 7;
    pub const END: u32 = 8;
    /// Read from JavaScript only: a value JSON has no kind for, followed by
    /// the [`TEXT`] of its `typeof`; the reading stops there.
    pub const NOT_JSON: u32 = 9;
    /// Read from JavaScript only: a value nested deeper than
    /// [`MAX_DEPTH`](super::MAX_DEPTH); the reading stops there.
    pub const TOO_DEEP: u32 = 10;
}

/// How deep a value read from JavaScript may nest (a cycle would nest
/// forever).
pub const MAX_DEPTH: usize = 32;

/// Reads a plain JS value that `www/tape.js` (`read_value`) wrote as a tape,
/// the other way: the words are `f64`s, a number follows [`word::NUMBER`]
/// itself, and `text` holds the strings (keys included) one after another.
/// `Err` says what is not JSON data.
pub fn read(words: &[f64], text: &str) -> Result<Raw, String> {
    let mut reader = Reader {
        words: words.iter(),
        text,
        ascii: text.is_ascii(),
    };
    reader.value(0)
}

/// A tape that ends early or holds a word it should not: never written by
/// `www/tape.js`.
const UNREADABLE: &str = "the value could not be read";

struct Reader<'a> {
    words: std::slice::Iter<'a, f64>,
    text: &'a str,
    /// Whether a UTF-16 length is a byte length.
    ascii: bool,
}

impl Reader<'_> {
    fn next(&mut self) -> Result<u32, String> {
        // Words are small whole numbers; anything else ends the reading.
        match self.words.next() {
            Some(&word) if word >= 0.0 && word <= f64::from(u32::MAX) => Ok(word as u32),
            _ => Err(UNREADABLE.into()),
        }
    }

    /// The next string of the text: `units` UTF-16 units long.
    fn cut(&mut self) -> Result<String, String> {
        let units = self.next()? as usize;
        let bytes = if self.ascii {
            units.min(self.text.len())
        } else {
            let mut counted = 0;
            let mut end = 0;
            for &byte in self.text.as_bytes() {
                let starts = utf16_units(byte);
                if starts > 0 && counted >= units {
                    break;
                }
                counted += starts;
                end += 1;
            }
            end
        };
        let (cut, rest) = self.text.split_at(bytes);
        self.text = rest;
        Ok(cut.to_owned())
    }

    /// The next value, `depth` deep: past [`MAX_DEPTH`] the tape is not
    /// one `www/tape.js` wrote, and reading on would exhaust the stack.
    fn value(&mut self, depth: usize) -> Result<Raw, String> {
        if depth > MAX_DEPTH + 1 {
            return Err(UNREADABLE.into());
        }
        Ok(match self.next()? {
            word::NULL => Raw::Null,
            word::FALSE => Raw::Bool(false),
            word::TRUE => Raw::Bool(true),
            word::NUMBER => Raw::Number(*self.words.next().unwrap_or(&f64::NAN)),
            word::TEXT => Raw::Text(self.cut()?),
            word::ARRAY => {
                let mut list = Vec::new();
                while self.words.as_slice().first() != Some(&f64::from(word::END)) {
                    list.push(self.value(depth + 1)?);
                }
                self.words.next();
                Raw::List(list)
            }
            word::OBJECT => {
                let mut entries = Vec::new();
                loop {
                    match self.next()? {
                        word::END => break,
                        word::TEXT => {
                            let key = self.cut()?;
                            entries.push((key, self.value(depth + 1)?));
                        }
                        _ => return Err(UNREADABLE.into()),
                    }
                }
                Raw::Object(entries)
            }
            word::NOT_JSON => {
                self.next()?;
                return Err(format!("{} is not JSON data", self.cut()?));
            }
            word::TOO_DEEP => return Err(format!("nested more than {MAX_DEPTH} levels deep")),
            _ => return Err(UNREADABLE.into()),
        })
    }
}

/// A tape being written: its words and the text its strings are cut from.
#[derive(Default)]
pub struct Tape {
    pub words: Vec<u32>,
    pub text: String,
}

/// The UTF-16 units of the character a UTF-8 byte starts: one, or two from
/// four bytes on (outside the BMP); none for a byte inside a character.
/// Counted from the bytes: decoding each character cost a long Japanese
/// description some 10 µs more.
fn utf16_units(byte: u8) -> usize {
    match byte {
        0x80..=0xBF => 0,
        0xF0.. => 2,
        _ => 1,
    }
}

/// What cannot go on a tape: a map key that is not a string, or a 128-bit
/// number. No contract type has either.
#[derive(Debug)]
pub struct Unwritable(String);

impl Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: Display>(message: T) -> Self {
        Unwritable(message.to_string())
    }
}

impl Tape {
    /// Writes `value`, replacing what the tape held.
    pub fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.words.clear();
        self.text.clear();
        value.serialize(self)
    }

    fn text(&mut self, text: &str) {
        let units = if text.is_ascii() {
            text.len()
        } else {
            text.bytes().map(utf16_units).sum()
        };
        self.words.extend_from_slice(&[word::TEXT, units as u32]);
        self.text.push_str(text);
    }

    /// A string the program never changes: by address where addresses fit
    /// a word (the module), as text elsewhere (native builds, which read no
    /// tape).
    fn name(&mut self, name: &'static str) {
        if cfg!(target_pointer_width = "32") {
            self.words
                .extend_from_slice(&[word::STATIC, name.as_ptr() as u32, name.len() as u32]);
        } else {
            self.text(name);
        }
    }

    fn number(&mut self, number: f64) {
        let bits = number.to_bits();
        self.words
            .extend_from_slice(&[word::NUMBER, bits as u32, (bits >> 32) as u32]);
    }

    /// Opens `{"variant": …` for an enum variant holding data (serde_json's
    /// shape for it).
    fn variant(&mut self, variant: &'static str) {
        self.words.push(word::OBJECT);
        self.name(variant);
    }
}

type Done = Result<(), Unwritable>;

/// Every number is JavaScript's one kind: an `f64` (64-bit integers past
/// 2^53 round, as `JSON.parse` rounds them).
macro_rules! numbers {
    ($($method:ident: $type:ty,)+) => {$(
        fn $method(self, value: $type) -> Done {
            self.serialize_f64(value as f64)
        }
    )+};
}

impl ser::Serializer for &mut Tape {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, value: bool) -> Done {
        self.words
            .push(if value { word::TRUE } else { word::FALSE });
        Ok(())
    }
    numbers! {
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_f32: f32,
    }
    /// Not finite numbers are `null`, as in JSON.
    fn serialize_f64(self, value: f64) -> Done {
        if value.is_finite() {
            self.number(value);
        } else {
            self.words.push(word::NULL);
        }
        Ok(())
    }
    fn serialize_char(self, value: char) -> Done {
        self.text(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, value: &str) -> Done {
        self.text(value);
        Ok(())
    }
    fn serialize_bytes(self, value: &[u8]) -> Done {
        self.words.push(word::ARRAY);
        for &byte in value {
            self.number(byte.into());
        }
        self.words.push(word::END);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.words.push(word::NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Done {
        self.name(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.variant(variant);
        value.serialize(&mut *self)?;
        self.words.push(word::END);
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Unwritable> {
        self.words.push(word::ARRAY);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Unwritable> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Unwritable> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Unwritable> {
        self.variant(variant);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Unwritable> {
        self.words.push(word::OBJECT);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Self, Unwritable> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Unwritable> {
        self.variant(variant);
        self.serialize_map(Some(len))
    }
}

impl Tape {
    fn close(&mut self) -> Done {
        self.words.push(word::END);
        Ok(())
    }

    /// Closes a variant's value and the object around it.
    fn close_variant(&mut self) -> Done {
        self.words.extend_from_slice(&[word::END, word::END]);
        Ok(())
    }
}

/// serde's compound serializers differ only in their method's name and in
/// how they close.
macro_rules! elements {
    ($($compound:ident::$method:ident, closed by $close:ident;)+) => {$(
        impl ser::$compound for &mut Tape {
            type Ok = ();
            type Error = Unwritable;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                self.$close()
            }
        }
    )+};
}

elements! {
    SerializeSeq::serialize_element, closed by close;
    SerializeTuple::serialize_element, closed by close;
    SerializeTupleStruct::serialize_field, closed by close;
    SerializeTupleVariant::serialize_field, closed by close_variant;
}

/// The same for those whose fields have names.
macro_rules! fields {
    ($($compound:ident, closed by $close:ident;)+) => {$(
        impl ser::$compound for &mut Tape {
            type Ok = ();
            type Error = Unwritable;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Done {
                self.name(key);
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                self.$close()
            }
        }
    )+};
}

fields! {
    SerializeStruct, closed by close;
    SerializeStructVariant, closed by close_variant;
}

impl ser::SerializeMap for &mut Tape {
    type Ok = ();
    type Error = Unwritable;
    /// Keys must be strings: JavaScript's object keys are.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        let at = self.words.len();
        key.serialize(&mut **self)?;
        match self.words.get(at) {
            Some(&(word::TEXT | word::STATIC)) => Ok(()),
            _ => Err(Unwritable("a map key is not a string".into())),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.close()
    }
}
