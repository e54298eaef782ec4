//! `copydesk._core`: the PyO3 binding of copydesk-core.
//!
//! This layer only converts: it borrows the UTF-8 of a Python `str`, releases
//! the GIL, calls the core, converts byte offsets to code-point offsets and
//! hands the results to numpy without copying. Every rule lives in the core.

use copydesk_core::offsets::CharCursor;
use copydesk_core::{self as core, Layers, Span, Token};
use numpy::IntoPyArray;
use pyo3::create_exception;
use pyo3::exceptions::{PyUnicodeEncodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use std::borrow::Cow;

create_exception!(
    copydesk,
    CopydeskError,
    PyValueError,
    "Raised for input copydesk cannot process; a subclass of ValueError carrying `position` where known."
);

/// Byte offsets or code-point offsets in results.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Offsets {
    Chars,
    Bytes,
}

fn parse_offsets(s: &str) -> PyResult<Offsets> {
    match s {
        "chars" | "str" => Ok(Offsets::Chars),
        "bytes" => Ok(Offsets::Bytes),
        _ => Err(PyValueError::new_err(format!("offsets must be 'chars' or 'bytes', not {s:?}"))),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Ud,
    Uax29,
}

fn parse_mode(s: &str) -> PyResult<Mode> {
    match s {
        "ud" => Ok(Mode::Ud),
        "uax29" => Ok(Mode::Uax29),
        _ => Err(PyValueError::new_err(format!("mode must be 'ud' or 'uax29', not {s:?}"))),
    }
}

/// The UTF-8 of a Python `str`: borrowed where CPython allows. A lone
/// surrogate is a `CopydeskError` naming its position, or U+FFFD when
/// `replace_surrogates` (one code point for one, so offsets stay valid).
fn utf8<'a>(text: &'a Bound<'_, PyString>, replace_surrogates: bool) -> PyResult<Cow<'a, str>> {
    match text.to_str() {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(err) => {
            let py = text.py();
            if !err.is_instance_of::<PyUnicodeEncodeError>(py) {
                return Err(err);
            }
            if replace_surrogates {
                return Ok(Cow::Owned(replace_surrogates_in(text)?));
            }
            let position: Option<usize> = err.value(py).getattr("start").and_then(|p| p.extract()).ok();
            let code = position
                .and_then(|p| text.get_item(p).ok())
                .and_then(|c| c.extract::<u32>().ok().or_else(|| c.call_method0("__str__").ok()?.extract::<String>().ok()?.chars().next().map(|c| c as u32)));
            let msg = match position {
                Some(p) => format!(
                    "lone surrogate{} at position {p}: text must be valid Unicode (pass surrogates='replace' to substitute U+FFFD)",
                    code.map(|c| format!(" U+{c:04X}")).unwrap_or_default()
                ),
                None => "text is not valid Unicode (lone surrogate)".to_string(),
            };
            let e = CopydeskError::new_err(msg);
            if let Some(p) = position {
                e.value(py).setattr("position", p)?;
            }
            Err(e)
        }
    }
}

/// The text with each lone surrogate replaced by one U+FFFD, so that
/// code-point offsets stay those of the original `str`.
fn replace_surrogates_in(text: &Bound<'_, PyString>) -> PyResult<String> {
    let encoded = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let bytes: &[u8] = encoded.extract()?;
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // A surrogate in UTF-8 form: ED A0..BF xx.
        if bytes[i] == 0xED && i + 2 < bytes.len() && (0xA0..=0xBF).contains(&bytes[i + 1]) {
            out.extend_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn tokens_of(text: &str, mode: Mode) -> Vec<Token> {
    match mode {
        Mode::Ud => core::tokenize(text),
        Mode::Uax29 => core::tokenize_uax29(text),
    }
}

/// Columns of one layer: offsets converted, ready for numpy.
#[derive(Default)]
struct SpanColumns {
    starts: Vec<i64>,
    ends: Vec<i64>,
    kinds: Vec<u8>,
}

impl SpanColumns {
    fn push_tokens(&mut self, text: &str, tokens: &[Token], offsets: Offsets) {
        let mut cur = CharCursor::new(text);
        let identity = offsets == Offsets::Bytes || cur.is_identity();
        self.starts.reserve(tokens.len());
        self.ends.reserve(tokens.len());
        self.kinds.reserve(tokens.len());
        for t in tokens {
            let (s, e) = if identity { (t.start, t.end) } else { (cur.to_char(t.start), cur.to_char(t.end)) };
            self.starts.push(s as i64);
            self.ends.push(e as i64);
            self.kinds.push(t.kind as u8);
        }
    }

    fn push_spans(&mut self, text: &str, spans: &[Span], offsets: Offsets) {
        let mut cur = CharCursor::new(text);
        let identity = offsets == Offsets::Bytes || cur.is_identity();
        for s in spans {
            let (a, b) = if identity { (s.start, s.end) } else { (cur.to_char(s.start), cur.to_char(s.end)) };
            self.starts.push(a as i64);
            self.ends.push(b as i64);
        }
    }

    fn into_py<'py>(self, py: Python<'py>, with_kinds: bool) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("starts", self.starts.into_pyarray(py))?;
        d.set_item("ends", self.ends.into_pyarray(py))?;
        if with_kinds {
            d.set_item("kinds", self.kinds.into_pyarray(py))?;
        }
        Ok(d)
    }
}

/// tokenize(text, mode="ud", offsets="chars", surrogates="error") -> dict of starts, ends, kinds arrays
#[pyfunction]
#[pyo3(signature = (text, mode = "ud", offsets = "chars", surrogates = "error"))]
fn tokenize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    mode: &str,
    offsets: &str,
    surrogates: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let (mode, offsets) = (parse_mode(mode)?, parse_offsets(offsets)?);
    let s = utf8(text, replace(surrogates)?)?;
    let cols = py.detach(|| {
        let mut cols = SpanColumns::default();
        cols.push_tokens(&s, &tokens_of(&s, mode), offsets);
        cols
    });
    cols.into_py(py, true)
}

fn replace(surrogates: &str) -> PyResult<bool> {
    match surrogates {
        "error" => Ok(false),
        "replace" => Ok(true),
        _ => Err(PyValueError::new_err(format!("surrogates must be 'error' or 'replace', not {surrogates:?}"))),
    }
}

/// sentences(text, offsets="chars", surrogates="error") -> dict of starts, ends arrays
#[pyfunction]
#[pyo3(signature = (text, offsets = "chars", surrogates = "error"))]
fn sentences<'py>(py: Python<'py>, text: &Bound<'py, PyString>, offsets: &str, surrogates: &str) -> PyResult<Bound<'py, PyDict>> {
    let offsets = parse_offsets(offsets)?;
    let s = utf8(text, replace(surrogates)?)?;
    let cols = py.detach(|| {
        let mut cols = SpanColumns::default();
        let tokens = core::tokenize(&s);
        cols.push_spans(&s, &core::sentences(&s, &tokens), offsets);
        cols
    });
    cols.into_py(py, false)
}

/// normalize(text, units="canonical", kinds=None, surrogates="error") -> dict
///
/// The text with each mention rewritten in its canonical written form
/// (`text`), and the rewrites as arrays of code-point offsets: `starts`,
/// `ends` in the new text, `original_starts`, `original_ends` in `text`, and
/// `kinds` (codes into `QUANTITY_KINDS`). `kinds` names the kinds to rewrite
/// (default: all but `date` and `time`); `units` is `canonical` or `si`.
#[pyfunction]
#[pyo3(signature = (text, units = "canonical", kinds = None, surrogates = "error"))]
fn normalize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    units: &str,
    kinds: Option<Vec<String>>,
    surrogates: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let options = core::NormalizeOptions { units: parse_units(units)?, kinds: parse_kinds(kinds.as_deref())? };
    let s = utf8(text, replace(surrogates)?)?;
    let (new_text, cols) = py.detach(|| {
        let found = core::quantities(&s, &core::tokenize(&s));
        let n = core::normalize(&s, &found, &options);
        let mut cols = RewriteColumns::default();
        let (mut old, mut new) = (CharCursor::new(&s), CharCursor::new(&n.text));
        for r in &n.rewrites {
            cols.starts.push(new.to_char(r.start) as i64);
            cols.ends.push(new.to_char(r.end) as i64);
            cols.original_starts.push(old.to_char(r.original_start) as i64);
            cols.original_ends.push(old.to_char(r.original_end) as i64);
            cols.kinds.push(r.kind as u8);
        }
        (n.text, cols)
    });
    let d = PyDict::new(py);
    d.set_item("text", new_text)?;
    d.set_item("starts", cols.starts.into_pyarray(py))?;
    d.set_item("ends", cols.ends.into_pyarray(py))?;
    d.set_item("original_starts", cols.original_starts.into_pyarray(py))?;
    d.set_item("original_ends", cols.original_ends.into_pyarray(py))?;
    d.set_item("kinds", cols.kinds.into_pyarray(py))?;
    Ok(d)
}

#[derive(Default)]
struct RewriteColumns {
    starts: Vec<i64>,
    ends: Vec<i64>,
    original_starts: Vec<i64>,
    original_ends: Vec<i64>,
    kinds: Vec<u8>,
}

fn parse_units(s: &str) -> PyResult<core::UnitSystem> {
    core::UnitSystem::from_name(s)
        .ok_or_else(|| CopydeskError::new_err(format!("units must be 'canonical' or 'si', not {s:?}")))
}

/// Kind names to a set; `None` is the default set.
fn parse_kinds(names: Option<&[String]>) -> PyResult<core::KindSet> {
    let Some(names) = names else { return Ok(core::KindSet::DEFAULT) };
    names
        .iter()
        .map(|n| {
            core::QuantityKind::from_name(n).ok_or_else(|| {
                CopydeskError::new_err(format!(
                    "unknown quantity kind {n:?}; available: {}",
                    quantity_kind_names().join(", ")
                ))
            })
        })
        .collect()
}

/// The row offsets of a CSR layer for `n` documents, before any row: `[0]`.
fn row_offsets(n: usize) -> Vec<i64> {
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    offsets
}

/// The columns of a batch: CSR, one `offsets` array per layer (length n + 1)
/// indexing flat arrays of starts, ends and kinds.
#[derive(Default)]
struct LayerCsr {
    offsets: Vec<i64>,
    cols: SpanColumns,
}

impl LayerCsr {
    fn new(n: usize) -> Self {
        LayerCsr { offsets: row_offsets(n), cols: SpanColumns::default() }
    }

    fn close_row(&mut self) {
        self.offsets.push(self.cols.starts.len() as i64);
    }

    fn into_py<'py>(self, py: Python<'py>, with_kinds: bool) -> PyResult<Bound<'py, PyDict>> {
        let d = self.cols.into_py(py, with_kinds)?;
        d.set_item("offsets", self.offsets.into_pyarray(py))?;
        Ok(d)
    }
}

/// analyze_batch(texts, tokens=True, sentences=True, quotes=True, quantities=True, offsets="chars", threads=None, surrogates="error")
///
/// Analyses a list of documents with the GIL released, in parallel on rayon
/// unless `threads` is 1, and returns one CSR dict per layer.
#[pyfunction]
#[pyo3(signature = (texts, tokens = true, sentences = true, quotes = true, quantities = true, offsets = "chars", threads = None, surrogates = "error"))]
#[allow(clippy::too_many_arguments)]
fn analyze_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    tokens: bool,
    sentences: bool,
    quotes: bool,
    quantities: bool,
    offsets: &str,
    threads: Option<usize>,
    surrogates: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let offsets = parse_offsets(offsets)?;
    let replace = replace(surrogates)?;
    let items = strings(texts)?;
    let strs = utf8_all(&items, replace)?;
    let layers = Layers { tokens, sentences, quotes, quantities };
    let (tok, sent, quo, qty) = py.detach(|| {
        let analyses = run_parallel(&strs, threads, |s| core::analyze(s, layers));
        let mut tok = LayerCsr::new(strs.len());
        let mut sent = LayerCsr::new(strs.len());
        let mut quo = QuoteCsr::new(strs.len());
        let mut qty = QuantityCsr::new(strs.len());
        for (s, a) in strs.iter().zip(&analyses) {
            tok.cols.push_tokens(s, &a.tokens, offsets);
            tok.close_row();
            sent.cols.push_spans(s, &a.sentences, offsets);
            sent.close_row();
            quo.push(s, &a.quotes, offsets);
            qty.push(s, &a.quantities, offsets);
        }
        (tok, sent, quo, qty)
    });
    let d = PyDict::new(py);
    if tokens {
        d.set_item("tokens", tok.into_py(py, true)?)?;
    }
    if sentences {
        d.set_item("sentences", sent.into_py(py, false)?)?;
    }
    if quotes {
        d.set_item("quotes", quo.into_py(py)?)?;
    }
    if quantities {
        d.set_item("quantities", qty.into_py(py)?)?;
    }
    Ok(d)
}

/// The quantities of a batch, CSR: `offsets` (n + 1) into flat columns;
/// NaN stands for an unknown number and None for an absent string.
#[derive(Default)]
struct QuantityCsr {
    offsets: Vec<i64>,
    starts: Vec<i64>,
    ends: Vec<i64>,
    kinds: Vec<u8>,
    values: Vec<f64>,
    highs: Vec<f64>,
    si_values: Vec<f64>,
    units: Vec<Option<&'static str>>,
    dimensions: Vec<Option<&'static str>>,
    si_units: Vec<Option<&'static str>>,
    modifiers: Vec<Option<&'static str>>,
    isos: Vec<Option<String>>,
    changes: Vec<Option<&'static str>>,
    /// The counted noun phrase; -1 for none.
    counted_starts: Vec<i64>,
    counted_ends: Vec<i64>,
}

impl QuantityCsr {
    fn new(n: usize) -> Self {
        QuantityCsr { offsets: row_offsets(n), ..Default::default() }
    }

    fn push(&mut self, text: &str, found: &[core::Quantity], offsets: Offsets) {
        let mut cur = CharCursor::new(text);
        let identity = offsets == Offsets::Bytes || cur.is_identity();
        let mut conv = |b: usize| if identity { b as i64 } else { cur.to_char(b) as i64 };
        for q in found {
            self.starts.push(conv(q.start));
            self.ends.push(conv(q.end));
            self.kinds.push(q.kind as u8);
            self.values.push(q.value);
            self.highs.push(q.high.unwrap_or(f64::NAN));
            self.si_values.push(q.si_value.unwrap_or(f64::NAN));
            self.units.push(q.unit);
            self.dimensions.push(q.dimension);
            self.si_units.push(q.si_unit);
            self.modifiers.push(q.modifier.map(|m| m.name()));
            self.isos.push(q.iso.clone());
            self.changes.push(q.change.map(|c| c.name()));
            let (cs, ce) = q.counted.map_or((-1, -1), |c| (conv(c.start), conv(c.end)));
            self.counted_starts.push(cs);
            self.counted_ends.push(ce);
        }
        self.offsets.push(self.starts.len() as i64);
    }

    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("offsets", self.offsets.into_pyarray(py))?;
        d.set_item("starts", self.starts.into_pyarray(py))?;
        d.set_item("ends", self.ends.into_pyarray(py))?;
        d.set_item("kinds", self.kinds.into_pyarray(py))?;
        d.set_item("values", self.values.into_pyarray(py))?;
        d.set_item("highs", self.highs.into_pyarray(py))?;
        d.set_item("si_values", self.si_values.into_pyarray(py))?;
        d.set_item("units", self.units)?;
        d.set_item("dimensions", self.dimensions)?;
        d.set_item("si_units", self.si_units)?;
        d.set_item("modifiers", self.modifiers)?;
        d.set_item("isos", self.isos)?;
        d.set_item("changes", self.changes)?;
        d.set_item("counted_starts", self.counted_starts.into_pyarray(py))?;
        d.set_item("counted_ends", self.counted_ends.into_pyarray(py))?;
        Ok(d)
    }
}

/// The quotations of a batch, CSR like the other layers: `offsets` (n + 1)
/// into flat columns; -1 stands for no parent, speaker or cue.
#[derive(Default)]
struct QuoteCsr {
    offsets: Vec<i64>,
    starts: Vec<i64>,
    ends: Vec<i64>,
    closed: Vec<bool>,
    kinds: Vec<u8>,
    groups: Vec<i64>,
    depths: Vec<i64>,
    parents: Vec<i64>,
    marks: Vec<&'static str>,
    speaker_starts: Vec<i64>,
    speaker_ends: Vec<i64>,
    cue_starts: Vec<i64>,
    cue_ends: Vec<i64>,
}

impl QuoteCsr {
    fn new(n: usize) -> Self {
        QuoteCsr { offsets: row_offsets(n), ..Default::default() }
    }

    fn push(&mut self, text: &str, quotes: &[core::Quote], offsets: Offsets) {
        let mut cur = CharCursor::new(text);
        let identity = offsets == Offsets::Bytes || cur.is_identity();
        let mut conv = |b: usize| if identity { b as i64 } else { cur.to_char(b) as i64 };
        for q in quotes {
            self.starts.push(conv(q.start));
            self.ends.push(conv(q.end));
            self.closed.push(q.closed);
            self.kinds.push(q.kind as u8);
            self.groups.push(q.group as i64);
            self.depths.push(q.depth as i64);
            self.parents.push(q.parent.map_or(-1, |p| p as i64));
            self.marks.push(q.marks);
            let (s, e) = q.speaker.map_or((-1, -1), |s| (conv(s.start), conv(s.end)));
            self.speaker_starts.push(s);
            self.speaker_ends.push(e);
            let (s, e) = q.cue.map_or((-1, -1), |s| (conv(s.start), conv(s.end)));
            self.cue_starts.push(s);
            self.cue_ends.push(e);
        }
        self.offsets.push(self.starts.len() as i64);
    }

    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("offsets", self.offsets.into_pyarray(py))?;
        d.set_item("starts", self.starts.into_pyarray(py))?;
        d.set_item("ends", self.ends.into_pyarray(py))?;
        d.set_item("closed", self.closed.into_pyarray(py))?;
        d.set_item("kinds", self.kinds.into_pyarray(py))?;
        d.set_item("groups", self.groups.into_pyarray(py))?;
        d.set_item("depths", self.depths.into_pyarray(py))?;
        d.set_item("parents", self.parents.into_pyarray(py))?;
        d.set_item("marks", self.marks)?;
        d.set_item("speaker_starts", self.speaker_starts.into_pyarray(py))?;
        d.set_item("speaker_ends", self.speaker_ends.into_pyarray(py))?;
        d.set_item("cue_starts", self.cue_starts.into_pyarray(py))?;
        d.set_item("cue_ends", self.cue_ends.into_pyarray(py))?;
        Ok(d)
    }
}

/// annotate_json(texts, tokens=False, sentences=True, quotes=True, quantities=True, offsets="chars", threads=None, surrogates="replace")
///
/// The layers of each document as JSON members (`"sentences":[...]`), the
/// body of the line `copydesk annotate` writes for it.
#[pyfunction]
#[pyo3(signature = (texts, tokens = false, sentences = true, quotes = true, quantities = true, offsets = "chars", threads = None, surrogates = "replace"))]
#[allow(clippy::too_many_arguments)]
fn annotate_json<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    tokens: bool,
    sentences: bool,
    quotes: bool,
    quantities: bool,
    offsets: &str,
    threads: Option<usize>,
    surrogates: &str,
) -> PyResult<Vec<String>> {
    let bytes = parse_offsets(offsets)? == Offsets::Bytes;
    let replace = replace(surrogates)?;
    let items = strings(texts)?;
    let strs = utf8_all(&items, replace)?;
    let layers = Layers { tokens, sentences, quotes, quantities };
    Ok(py.detach(|| {
        run_parallel(&strs, threads, |s| {
            let mut out = String::with_capacity(64 + s.len() / 8);
            core::json::write_layers(s, &core::analyze(s, layers), layers, bytes, &mut out);
            out
        })
    }))
}

/// annotate_jsonl(data, first_line, source, text_field="text", id_field="id", tokens=False, sentences=True, quotes=True, quantities=True, offsets="chars", threads=None, head=None, end=None)
///     -> (output bytes, records, error lines, text bytes)
///
/// Annotates a block of complete JSON Lines (`data[:end]`, whose first line
/// is line `first_line` of `source`, and starts with `head` when given): one
/// output line per non-blank input line, in order.
#[pyfunction]
#[pyo3(signature = (data, first_line, source, text_field = "text", id_field = "id", tokens = false, sentences = true, quotes = true, quantities = true, offsets = "chars", threads = None, head = None, end = None))]
#[allow(clippy::too_many_arguments)]
fn annotate_jsonl<'py>(
    py: Python<'py>,
    data: &[u8],
    first_line: usize,
    source: &str,
    text_field: &str,
    id_field: &str,
    tokens: bool,
    sentences: bool,
    quotes: bool,
    quantities: bool,
    offsets: &str,
    threads: Option<usize>,
    head: Option<&[u8]>,
    end: Option<usize>,
) -> PyResult<(Bound<'py, PyBytes>, usize, Vec<String>, usize)> {
    let opts = core::jsonl::JsonlOptions {
        source: source.to_string(),
        text_field: text_field.to_string(),
        id_field: id_field.to_string(),
        layers: Layers { tokens, sentences, quotes, quantities },
        bytes: parse_offsets(offsets)? == Offsets::Bytes,
    };
    let data = &data[..end.unwrap_or(data.len()).min(data.len())];
    let head = head.unwrap_or_default();
    let n = threads.unwrap_or_else(default_threads).max(1);
    let n = if data.len() < SERIAL_BELOW_BYTES { 1 } else { n };
    let block = py.detach(|| pool(n).install(|| core::jsonl::annotate_lines(head, data, first_line, &opts)));
    // The output is copied once, from the runs straight into the bytes object.
    let out = PyBytes::new_with(py, block.out_len(), |buf| {
        block.copy_out(buf);
        Ok(())
    })?;
    Ok((out, block.records, block.errors, block.text_bytes))
}

/// line_block(data) -> (end, lines): the bytes of `data` up to and including
/// its last `\n` (0 when it has none), and how many lines that is.
#[pyfunction]
fn line_block(data: &[u8]) -> (usize, usize) {
    match memchr::memrchr(b'\n', data) {
        Some(last) => (last + 1, memchr::memchr_iter(b'\n', &data[..=last]).count()),
        None => (0, 0),
    }
}

/// The items of a list, each a `str` (else a `CopydeskError` naming its index).
fn strings<'py>(texts: &Bound<'py, PyList>) -> PyResult<Vec<Bound<'py, PyString>>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| t.cast_into::<PyString>().map_err(|_| CopydeskError::new_err(format!("texts[{i}] is not a str"))))
        .collect()
}

fn utf8_all<'a>(items: &'a [Bound<'_, PyString>], replace: bool) -> PyResult<Vec<Cow<'a, str>>> {
    items
        .iter()
        .enumerate()
        .map(|(i, t)| {
            utf8(t, replace).map_err(|e| {
                let msg = format!("texts[{i}]: {}", e.value(t.py()));
                let err = CopydeskError::new_err(msg);
                if let Ok(p) = e.value(t.py()).getattr("position") {
                    let _ = err.value(t.py()).setattr("position", p);
                }
                err
            })
        })
        .collect()
}

/// Below this many bytes a batch runs on the calling thread: starting the
/// pool's workers would cost more than it saves.
const SERIAL_BELOW_BYTES: usize = 1 << 16;

/// Applies `f` to every text, in input order: in parallel on a rayon pool of
/// `threads` workers (default: `COPYDESK_NUM_THREADS`, else every core), or on
/// this thread for one thread or a small batch.
fn run_parallel<T: Send>(strs: &[Cow<str>], threads: Option<usize>, f: impl Fn(&str) -> T + Sync) -> Vec<T> {
    let n = threads.unwrap_or_else(default_threads).max(1);
    let total: usize = strs.iter().map(|s| s.len()).sum();
    if n == 1 || strs.len() < 2 || total < SERIAL_BELOW_BYTES {
        return strs.iter().map(|s| f(s)).collect();
    }
    pool(n).install(|| strs.par_iter().map(|s| f(s)).collect())
}

fn default_threads() -> usize {
    std::env::var("COPYDESK_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A rayon pool of `n` threads, built lazily and kept. Pools are per process:
/// a child after `fork` has none of its parent's threads, so it builds its own
/// (a pool inherited across `fork` would wait forever for workers that do not exist).
fn pool(n: usize) -> std::sync::Arc<rayon::ThreadPool> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static POOLS: OnceLock<Mutex<HashMap<(u32, usize), Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let pid = std::process::id();
    let mut pools = POOLS.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    // Pools of a parent process: their workers are gone, and dropping them
    // could wait on locks those workers held. Leak them instead.
    let inherited: Vec<_> = pools.keys().filter(|(p, _)| *p != pid).copied().collect();
    for key in inherited {
        std::mem::forget(pools.remove(&key));
    }
    pools
        .entry((pid, n))
        .or_insert_with(|| {
            Arc::new(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("copydesk-{i}"))
                    .build()
                    .expect("rayon pool"),
            )
        })
        .clone()
}

/// Names of the token kinds, indexed by the codes in `kinds` arrays.
fn kind_names() -> Vec<&'static str> {
    core::TokenKind::ALL.iter().map(|k| k.name()).collect()
}

/// Names of the quantity kinds, indexed by the codes in quantity `kinds` arrays.
fn quantity_kind_names() -> Vec<&'static str> {
    core::QuantityKind::ALL.iter().map(|k| k.name()).collect()
}

/// Names of the quotation kinds, indexed by the codes in quote `kinds` arrays.
fn quote_kind_names() -> Vec<&'static str> {
    core::QuoteKind::ALL.iter().map(|k| k.name()).collect()
}

#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("TOKEN_KINDS", kind_names())?;
    m.add("QUOTE_KINDS", quote_kind_names())?;
    m.add("QUANTITY_KINDS", quantity_kind_names())?;
    m.add("CopydeskError", m.py().get_type::<CopydeskError>())?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_json, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(line_block, m)?)?;
    Ok(())
}
