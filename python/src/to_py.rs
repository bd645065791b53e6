//! Python objects straight from a `Serialize` value, as `json.loads` of its `serde_json`
//! text would give them, with no JSON text in between.
//!
//! A serde [`Serializer`](ser::Serializer) that builds the dicts, lists, strings, ints and
//! floats itself. It follows `serde_json`'s data model value for value (structs and maps →
//! dicts in field order, sequences and tuples → lists, `None` and units → `None`, enum
//! variants as `serde_json` tags them), so a dict is equal to, and dumps in the same key
//! order as, the parsed CLI output. Two things differ from the `pythonize` crate, which is
//! why this is our own:
//!
//! - an `f32` becomes the Python float of its *shortest decimal text*, as `serde_json`
//!   prints it (with `ryu`) and `json.loads` reads it back: a confidence of `0.85_f32` is
//!   `0.85`, where a plain `f32 → f64` conversion gives `0.8500000238418579`; non-finite
//!   floats are `None`, as `serde_json` writes `null`;
//! - dict keys, short strings and floats are made once per call ([`Keys`]) and shared,
//!   instead of one new object per key per dict (a report has hundreds of them).

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};
use std::fmt;

/// Builds the Python object of `value`, making its dict keys with `keys`.
pub fn to_py<'py, T: Serialize + ?Sized>(
    keys: &mut Keys<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(ToPy::value(keys)).map_err(|e| e.0)
}

/// Objects made once per call and shared by every value that needs them: dict keys (and
/// the names of enum variants), short strings (cues such as `said`, names, kinds) and the
/// floats of `f32`s (confidences come from a few dozen values). A report is a few hundred
/// objects; a new one for each of these made a fifth of them. Keys are looked up with the Fx
/// hash: a report asks for a key hundreds of times, and SipHash was a quarter of the cost
/// of building the dicts.
pub struct Keys<'py> {
    py: Python<'py>,
    strings: FxHashMap<Box<str>, Bound<'py, PyString>>,
    floats: FxHashMap<u32, Bound<'py, PyAny>>,
}

/// The most strings, and floats, [`Keys`] keeps (a batch's distinct short strings must not
/// grow it without end; past it, new ones are made each time).
const MAX_SHARED: usize = 1024;

/// Strings up to this many bytes are shared (see [`Keys`]); longer ones are texts, seldom
/// seen twice.
const SHORT: usize = 16;

impl<'py> Keys<'py> {
    /// An empty set of keys.
    pub fn new(py: Python<'py>) -> Self {
        Keys {
            py,
            strings: FxHashMap::default(),
            floats: FxHashMap::default(),
        }
    }

    /// The (interned) Python `str` of a dict key or variant name.
    fn get(&mut self, key: &str) -> Bound<'py, PyString> {
        self.shared(key, true)
    }

    /// The Python `str` of `s`, made once; interned when `intern` (keys: a bounded set;
    /// values are not, as interned strings may live as long as the interpreter).
    fn shared(&mut self, s: &str, intern: bool) -> Bound<'py, PyString> {
        if let Some(made) = self.strings.get(s) {
            return made.clone();
        }
        let made = if intern {
            PyString::intern(self.py, s)
        } else {
            PyString::new(self.py, s)
        };
        if self.strings.len() < MAX_SHARED {
            self.strings.insert(s.into(), made.clone());
        }
        made
    }

    /// The float an `f32` reads back as from `serde_json`'s text (its shortest decimal
    /// form, as `ryu` writes it), made once per value.
    fn f32(&mut self, v: f32) -> Bound<'py, PyAny> {
        if let Some(made) = self.floats.get(&v.to_bits()) {
            return made.clone();
        }
        let shortest = v.is_finite().then(|| {
            ryu::Buffer::new()
                .format_finite(v)
                .parse::<f64>()
                .unwrap_or(f64::from(v))
        });
        let made = float(self.py, shortest);
        if self.floats.len() < MAX_SHARED {
            self.floats.insert(v.to_bits(), made.clone());
        }
        made
    }
}

/// Python's cyclic garbage collector, paused while a batch's objects are built and
/// restored when dropped.
///
/// Python 3.11 and older run a collection every 700 new containers, and each one walks
/// every young list and dict just built: a tenth of the cost of building a batch's dicts,
/// for nothing, as they hold no cycles. Paused, the objects are looked at once, after.
/// Nothing else runs Python meanwhile: the GIL is held from start to end.
pub struct GcPaused<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPaused<'py> {
    /// Pauses the collector if it runs (a collector the caller disabled stays so).
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPaused { gc: None });
        }
        gc.call_method0("disable")?;
        Ok(GcPaused { gc: Some(gc) })
    }
}

impl Drop for GcPaused<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc
            && let Err(e) = gc.call_method0("enable")
        {
            e.write_unraisable(gc.py(), None);
        }
    }
}

/// A Python error carried through serde.
pub struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// The serializer: one value, its dict keys made with the call's [`Keys`].
struct ToPy<'k, 'py> {
    keys: &'k mut Keys<'py>,
    /// Whether the value is a map key (its text is then one of [`Keys`]).
    key: bool,
}

impl<'k, 'py> ToPy<'k, 'py> {
    /// The serializer of a value (not a map key).
    fn value(keys: &'k mut Keys<'py>) -> Self {
        ToPy { keys, key: false }
    }

    fn py(&self) -> Python<'py> {
        self.keys.py
    }

    fn int<T: IntoPyObject<'py>>(self, v: T) -> Result<Bound<'py, PyAny>> {
        Ok(v.into_bound_py_any(self.py())?)
    }

    fn str(self, v: &str) -> Bound<'py, PyAny> {
        if self.key {
            self.keys.get(v).into_any()
        } else if v.len() <= SHORT {
            self.keys.shared(v, false).into_any()
        } else {
            PyString::new(self.py(), v).into_any()
        }
    }

    /// `{variant: value}`, `serde_json`'s external tag.
    fn tagged(
        keys: &mut Keys<'py>,
        variant: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>> {
        let d = PyDict::new(keys.py);
        d.set_item(keys.get(variant), value)?;
        Ok(d.into_any())
    }
}

/// A finite float as it reads back from `serde_json`'s text; `None` for NaN and infinities.
fn float<'py>(py: Python<'py>, v: Option<f64>) -> Bound<'py, PyAny> {
    match v {
        Some(v) => PyFloat::new(py, v).into_any(),
        None => py.None().into_bound(py),
    }
}

impl<'k, 'py> ser::Serializer for ToPy<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'k, 'py>;
    type SerializeTuple = Seq<'k, 'py>;
    type SerializeTupleStruct = Seq<'k, 'py>;
    type SerializeTupleVariant = Seq<'k, 'py>;
    type SerializeMap = Map<'k, 'py>;
    type SerializeStruct = Map<'k, 'py>;
    type SerializeStructVariant = Map<'k, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        Ok(PyBool::new(self.py(), v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        Ok(self.keys.f32(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        Ok(float(self.py(), v.is_finite().then_some(v)))
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        Ok(self.str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(self.str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        // serde_json writes bytes as an array of numbers
        Ok(PyList::new(self.py(), v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.py().None().into_bound(self.py()))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.keys.get(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let inner = value.serialize(ToPy::value(&mut *self.keys))?;
        Self::tagged(self.keys, variant, inner)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'k, 'py>> {
        Ok(Seq {
            items: Vec::with_capacity(len.unwrap_or(0)),
            keys: self.keys,
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'k, 'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'k, 'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'k, 'py>> {
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = Some(variant);
        Ok(seq)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'k, 'py>> {
        Ok(Map {
            dict: PyDict::new(self.py()),
            keys: self.keys,
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'k, 'py>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map<'k, 'py>> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

/// A list being built (a sequence, a tuple, or a tuple variant's fields).
pub struct Seq<'k, 'py> {
    items: Vec<Bound<'py, PyAny>>,
    keys: &'k mut Keys<'py>,
    /// The variant to tag the list with (a tuple variant).
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let item = value.serialize(ToPy::value(&mut *self.keys))?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        let list = PyList::new(self.keys.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => ToPy::tagged(self.keys, variant, list),
            None => Ok(list),
        }
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

/// A dict being built (a map, a struct, or a struct variant's fields).
pub struct Map<'k, 'py> {
    dict: Bound<'py, PyDict>,
    keys: &'k mut Keys<'py>,
    /// A map key waiting for its value.
    key: Option<Bound<'py, PyAny>>,
    /// The variant to tag the dict with (a struct variant).
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    /// A map key as `serde_json` writes it: a string as it is, a number as its digits.
    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<Bound<'py, PyAny>> {
        let k = key.serialize(ToPy {
            keys: &mut *self.keys,
            key: true,
        })?;
        if k.is_instance_of::<PyString>() {
            return Ok(k);
        }
        if k.is_instance_of::<pyo3::types::PyInt>() && !k.is_instance_of::<PyBool>() {
            return Ok(k.str()?.into_any());
        }
        Err(ser::Error::custom(format!(
            "a map key must be a string or an integer, not '{}'",
            k.get_type().name()?
        )))
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<()> {
        let v = value.serialize(ToPy::value(&mut *self.keys))?;
        self.dict.set_item(self.keys.get(name), v)?;
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => ToPy::tagged(self.keys, variant, dict),
            None => Ok(dict),
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(self.key(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value came before its key"))?;
        let v = value.serialize(ToPy::value(&mut *self.keys))?;
        self.dict.set_item(key, v)?;
        Ok(())
    }
    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<()> {
        let key = self.key(key)?;
        let v = value.serialize(ToPy::value(&mut *self.keys))?;
        self.dict.set_item(key, v)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(name, value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(name, value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}
