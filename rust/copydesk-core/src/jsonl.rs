//! JSON Lines in, JSON Lines out: the corpus path of `copydesk annotate`.
//!
//! A block of complete input lines is annotated line by line (in parallel on
//! the current rayon pool) into output lines. Every non-blank input line gives
//! exactly one output line: `{"id":…,<layers>}`, or `{"id":…,"error":"…"}`
//! naming the file, line and cause when the line cannot be processed (invalid
//! UTF-8, bad JSON, not an object, a missing or non-string text). The id is
//! copied verbatim from the input (any JSON value), or is the line number.

use crate::analysis::{analyze, Layers};
use crate::json::write_layers;
use rayon::prelude::*;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// What to read from each record and what to write.
#[derive(Clone, Debug)]
pub struct JsonlOptions {
    /// Name of the input, for error messages.
    pub source: String,
    pub text_field: String,
    pub id_field: String,
    pub layers: Layers,
    /// Byte offsets instead of code points.
    pub bytes: bool,
}

/// The output of one block of input lines.
#[derive(Debug, Default)]
pub struct JsonlBlock {
    /// Output lines, each ending in `\n`, in pieces to be joined in order
    /// (one per run of lines: the caller copies them once, where it wants them).
    pub parts: Vec<Vec<u8>>,
    /// Records written (non-blank input lines).
    pub records: usize,
    /// The error lines among them, as written.
    pub errors: Vec<String>,
    /// Bytes of text analysed.
    pub text_bytes: usize,
}

impl JsonlBlock {
    /// Bytes of output.
    pub fn out_len(&self) -> usize {
        self.parts.iter().map(Vec::len).sum()
    }

    /// The output lines, joined.
    pub fn out(&self) -> Vec<u8> {
        self.parts.concat()
    }

    /// Copies the output lines into `dst`, which is `out_len()` bytes long.
    pub fn copy_out(&self, dst: &mut [u8]) {
        let mut at = 0;
        for part in &self.parts {
            dst[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
    }
}

/// Annotates the complete lines of `block`, the first of which is line
/// `first_line` (1-based) of the input. A final line without `\n` is taken
/// as complete.
pub fn annotate_block(block: &[u8], first_line: usize, opts: &JsonlOptions) -> JsonlBlock {
    annotate_lines(b"", block, first_line, opts)
}

/// As [`annotate_block`], with `head` the start of the first line, read
/// before `block` (a reader that cuts its input into blocks carries the
/// unfinished last line of one block over to the next without joining them).
pub fn annotate_lines(head: &[u8], block: &[u8], first_line: usize, opts: &JsonlOptions) -> JsonlBlock {
    if head.is_empty() {
        return annotate(&nonblank_lines(block, first_line), opts);
    }
    // The first line is the head joined with the block up to its first `\n`;
    // the other lines are borrowed from the block.
    let (first, rest) = match memchr::memchr(b'\n', block) {
        Some(end) => (&block[..end], Some(&block[end + 1..])),
        None => (block, None),
    };
    let joined = [head, first].concat();
    let mut lines = nonblank_lines(&joined, first_line);
    if let Some(rest) = rest {
        let next = first_line + memchr::memchr_iter(b'\n', &joined).count() + 1;
        lines.extend(nonblank_lines(rest, next));
    }
    annotate(&lines, opts)
}

/// A run is at most this many lines, or about this many bytes of input:
/// enough work for a task, and a block of long documents still splits
/// across threads.
const RUN_LINES: usize = 32;
const RUN_BYTES: usize = 64 << 10;

fn annotate(lines: &[(usize, &[u8])], opts: &JsonlOptions) -> JsonlBlock {
    // Lines are annotated in runs, each run into one buffer: few allocations.
    let runs: Vec<JsonlBlock> = runs(lines)
        .into_par_iter()
        .map(|run| {
            let mut part = JsonlBlock { records: run.len(), ..Default::default() };
            // Output lines of the default layers are about as long as the input's.
            let mut out = String::with_capacity(run.iter().map(|(_, l)| l.len() + 64).sum());
            let mut scratch = String::new();
            for &(n, l) in run {
                let start = out.len();
                match annotate_line(l, n, opts, &mut out, &mut scratch) {
                    Some(text_bytes) => part.text_bytes += text_bytes,
                    None => part.errors.push(out[start..].to_string()),
                }
            }
            part.parts.push(out.into_bytes());
            part
        })
        .collect();
    let mut block = JsonlBlock { parts: Vec::with_capacity(runs.len()), ..Default::default() };
    for run in runs {
        block.parts.extend(run.parts);
        block.records += run.records;
        block.text_bytes += run.text_bytes;
        block.errors.extend(run.errors);
    }
    block
}

/// `lines` cut into runs (see [`RUN_LINES`]), in order.
fn runs<'l, 'a>(lines: &'l [(usize, &'a [u8])]) -> Vec<&'l [(usize, &'a [u8])]> {
    let mut runs = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (k, (_, line)) in lines.iter().enumerate() {
        bytes += line.len();
        if k + 1 - start >= RUN_LINES || bytes >= RUN_BYTES {
            runs.push(&lines[start..=k]);
            (start, bytes) = (k + 1, 0);
        }
    }
    if start < lines.len() {
        runs.push(&lines[start..]);
    }
    runs
}

/// The lines of `block` (split at `\n`) that are not blank, with their numbers.
fn nonblank_lines(block: &[u8], first_line: usize) -> Vec<(usize, &[u8])> {
    let mut lines = Vec::new();
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', block).chain(std::iter::once(block.len()));
    for (k, end) in ends.enumerate() {
        let line = &block[start..end];
        if !line.iter().all(u8::is_ascii_whitespace) {
            lines.push((first_line + k, line));
        }
        start = end + 1;
    }
    lines
}

/// Appends one output line (with its `\n`) to `out`: the size of the text
/// analysed, or `None` when the line is an error record. `scratch` holds a
/// text that had to be unescaped.
fn annotate_line(line: &[u8], lineno: usize, opts: &JsonlOptions, out: &mut String, scratch: &mut String) -> Option<usize> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut number = itoa::Buffer::new();
    let fallback_id = number.format(lineno);
    let mut fail = |id: &str, msg: String| {
        let msg = format!("{}:{lineno}: {msg}", opts.source);
        let quoted = serde_json::to_string(&msg).unwrap_or_else(|_| "\"error\"".into());
        out.push_str("{\"id\":");
        out.push_str(id);
        out.push_str(",\"error\":");
        out.push_str(&quoted);
        out.push_str("}\n");
        None
    };
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => return fail(fallback_id, format!("invalid UTF-8 at byte {}", e.valid_up_to())),
    };
    let record = match parse_record(text, &opts.text_field, &opts.id_field) {
        Ok(r) => r,
        Err(e) if e.is_data() && !text.trim_start().starts_with('{') => {
            return fail(fallback_id, "a record must be a JSON object".into())
        }
        Err(e) => return fail(fallback_id, format!("bad JSON: {e}")),
    };
    let id = record.id.unwrap_or(fallback_id);
    let Some(raw) = record.text else {
        return fail(id, format!("field {:?} is missing", opts.text_field));
    };
    let Some(body) = string_value(raw, scratch) else {
        if raw.starts_with('"') {
            // A string whose escapes make no Unicode text: `\ud800` alone, `\x`.
            let what = "an escape that is no Unicode character (a lone surrogate such as \\ud800, or an unknown escape)";
            return fail(id, format!("field {:?} has {what}", opts.text_field));
        }
        return fail(id, format!("field {:?} is not a string ({})", opts.text_field, json_type(raw)));
    };
    out.push_str("{\"id\":");
    out.push_str(id);
    let layers = opts.layers;
    if layers.tokens || layers.sentences || layers.quotes || layers.quantities {
        out.push(',');
        write_layers(body, &analyze(body, layers), layers, opts.bytes, out);
    }
    out.push_str("}\n");
    Some(body.len())
}

/// The two members of a record that are read, values raw (the last of
/// repeated keys wins, as in most JSON readers).
#[derive(Default, Debug, PartialEq)]
struct Record<'a> {
    id: Option<&'a str>,
    text: Option<&'a str>,
}

/// Parses a whole record (every value is checked), keeping only the text and
/// id members as raw JSON: no map is built.
fn parse_record<'a>(text: &'a str, text_field: &str, id_field: &str) -> Result<Record<'a>, serde_json::Error> {
    match parse_flat_record(text, text_field, id_field) {
        Some(record) => Ok(record),
        None => parse_record_serde(text, text_field, id_field),
    }
}

/// serde_json's reading of a record: any JSON, and its errors.
fn parse_record_serde<'a>(text: &'a str, text_field: &str, id_field: &str) -> Result<Record<'a>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let record = de.deserialize_map(RecordVisitor { text_field, id_field })?;
    de.end()?;
    Ok(record)
}

/// The common record read in one pass, without serde_json: an object whose
/// values are strings, numbers, `true`, `false` or `null` and whose keys have
/// no escapes. `None` for anything else (nesting, an escaped key, anything
/// invalid): serde_json then reads the line, and names the error. This
/// accepts only what serde_json accepts, with the same members.
fn parse_flat_record<'a>(line: &'a str, text_field: &str, id_field: &str) -> Option<Record<'a>> {
    let b = line.as_bytes();
    let mut record = Record::default();
    let mut i = skip_space(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_space(b, i + 1);
    if b.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            let (end, escaped) = string_end(b, i)?;
            if escaped {
                return None;
            }
            let key = &line[i + 1..end - 1];
            i = skip_space(b, end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            let start = skip_space(b, i + 1);
            i = scalar_end(b, start)?;
            if key == text_field {
                record.text = Some(&line[start..i]);
            }
            if key == id_field {
                record.id = Some(&line[start..i]);
            }
            i = skip_space(b, i);
            match b.get(i) {
                Some(b',') => i = skip_space(b, i + 1),
                Some(b'}') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    (skip_space(b, i) == b.len()).then_some(record)
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(i) {
        i += 1;
    }
    i
}

/// The end of the string, number or literal at `i`, if it is one.
fn scalar_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => string_end(b, i).map(|(end, _)| end),
        b'-' | b'0'..=b'9' => number_end(b, i),
        b't' => b[i..].starts_with(b"true").then_some(i + 4),
        b'f' => b[i..].starts_with(b"false").then_some(i + 5),
        b'n' => b[i..].starts_with(b"null").then_some(i + 4),
        _ => None,
    }
}

/// The end (after the closing quote) of the JSON string opening at `i`, and
/// whether it has escapes. memchr finds the quotes and backslashes; the
/// bytes between them are checked for control characters in a loop the
/// compiler vectorises.
fn string_end(b: &[u8], i: usize) -> Option<(usize, bool)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    let mut escaped = false;
    loop {
        let k = memchr::memchr2(b'"', b'\\', &b[j..])?;
        if b[j..j + k].iter().fold(false, |control, &c| control | (c < 0x20)) {
            return None;
        }
        j += k;
        if b[j] == b'"' {
            return Some((j + 1, escaped));
        }
        escaped = true;
        j += match *b.get(j + 1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
            b'u' if b.get(j + 2..j + 6)?.iter().all(u8::is_ascii_hexdigit) => 6,
            _ => return None,
        };
    }
}

/// The end of the JSON number at `i`: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn number_end(b: &[u8], mut i: usize) -> Option<usize> {
    let digits = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    i = match b.get(i)? {
        b'0' => i + 1,
        b'1'..=b'9' => digits(i),
        _ => return None,
    };
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        return None; // a leading zero
    }
    if b.get(i) == Some(&b'.') {
        let end = digits(i + 1);
        if end == i + 1 {
            return None;
        }
        i = end;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        let end = digits(i);
        if end == i {
            return None;
        }
        i = end;
    }
    Some(i)
}

struct RecordVisitor<'f> {
    text_field: &'f str,
    id_field: &'f str,
}

impl<'de> Visitor<'de> for RecordVisitor<'_> {
    type Value = Record<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record<'de>, A::Error> {
        let mut record = Record::default();
        while let Some(key) = map.next_key_seed(KeyIs(self.text_field, self.id_field))? {
            let value: &'de RawValue = map.next_value()?;
            if key.0 {
                record.text = Some(value.get());
            }
            if key.1 {
                record.id = Some(value.get());
            }
        }
        Ok(record)
    }
}

/// A key, compared with the text and id field names without being kept
/// (escaped keys are unescaped by the parser into its scratch space).
struct KeyIs<'f>(&'f str, &'f str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = (bool, bool);

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(bool, bool), D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = (bool, bool);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<(bool, bool), E> {
        Ok((key == self.0, key == self.1))
    }
}

/// The value of a JSON string the parser has already checked (`raw`, with
/// its quotes): borrowed when it has no escapes (most texts have none, or
/// only `\n`s), else unescaped into `scratch`. `None` for a lone surrogate,
/// which a Rust string cannot hold (serde_json refuses it for `String` too).
fn string_value<'a>(raw: &'a str, scratch: &'a mut String) -> Option<&'a str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let Some(mut at) = memchr::memchr(b'\\', inner.as_bytes()) else {
        return Some(inner);
    };
    scratch.clear();
    scratch.reserve(inner.len());
    let mut rest = inner;
    loop {
        scratch.push_str(&rest[..at]);
        let escape = rest.as_bytes().get(at + 1)?;
        let mut next = at + 2;
        match escape {
            b'"' => scratch.push('"'),
            b'\\' => scratch.push('\\'),
            b'/' => scratch.push('/'),
            b'b' => scratch.push('\u{8}'),
            b'f' => scratch.push('\u{c}'),
            b'n' => scratch.push('\n'),
            b'r' => scratch.push('\r'),
            b't' => scratch.push('\t'),
            b'u' => {
                let high = hex4(rest.as_bytes().get(next..next + 4)?)?;
                next += 4;
                let code = match high {
                    0xD800..=0xDBFF => {
                        // A leading surrogate: a trailing one must follow.
                        if rest.as_bytes().get(next..next + 2)? != b"\\u" {
                            return None;
                        }
                        let low = hex4(rest.as_bytes().get(next + 2..next + 6)?)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        next += 6;
                        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => high,
                };
                scratch.push(char::from_u32(code)?);
            }
            _ => return None,
        }
        rest = &rest[next..];
        match memchr::memchr(b'\\', rest.as_bytes()) {
            Some(k) => at = k,
            None => {
                scratch.push_str(rest);
                return Some(scratch);
            }
        }
    }
}

fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |n, &d| Some(n * 16 + (d as char).to_digit(16)?))
}

fn json_type(raw: &str) -> &'static str {
    match raw.trim_start().as_bytes().first() {
        Some(b'{') => "object",
        Some(b'[') => "array",
        Some(b't' | b'f') => "boolean",
        Some(b'n') => "null",
        _ => "number",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> JsonlOptions {
        JsonlOptions {
            source: "in.jsonl".into(),
            text_field: "text".into(),
            id_field: "id".into(),
            layers: Layers { tokens: false, sentences: true, quotes: false, quantities: false },
            bytes: false,
        }
    }

    #[test]
    fn one_output_line_per_record_whatever_is_wrong_with_it() {
        let input = b"{\"id\": \"a\", \"text\": \"One. Two.\"}\n\n{not json\n{\"id\": [1]}\n{\"text\": 5}\n\"str\"\n{\"text\": \"caf\xff\"}\n{\"id\":7,\"text\":\"\\u00e9t\\u00e9.\"}";
        let out = annotate_block(input, 1, &opts());
        let text = String::from_utf8(out.out()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(out.records, 7);
        assert_eq!(lines[0], r#"{"id":"a","sentences":[{"start":0,"end":4},{"start":5,"end":9}]}"#);
        assert!(lines[1].starts_with(r#"{"id":3,"error":"in.jsonl:3: bad JSON: "#), "{}", lines[1]);
        assert_eq!(lines[2], r#"{"id":[1],"error":"in.jsonl:4: field \"text\" is missing"}"#);
        assert_eq!(lines[3], r#"{"id":5,"error":"in.jsonl:5: field \"text\" is not a string (number)"}"#);
        assert_eq!(lines[4], r#"{"id":6,"error":"in.jsonl:6: a record must be a JSON object"}"#);
        assert_eq!(lines[5], r#"{"id":7,"error":"in.jsonl:7: invalid UTF-8 at byte 13"}"#);
        assert_eq!(lines[6], r#"{"id":7,"sentences":[{"start":0,"end":4}]}"#);
        assert_eq!(out.errors.len(), 5);
        // A lone surrogate escape is named as such, not as a wrong type.
        let out = annotate_block(b"{\"id\": 1, \"text\": \"a\\ud800b\"}", 1, &opts());
        let line = String::from_utf8(out.out()).unwrap();
        assert!(line.contains("field \\\"text\\\" has an escape that is no Unicode character (a lone surrogate"), "{line}");
    }

    #[test]
    fn strings_unescape_as_serde_json_does() {
        let cases = [
            r#""plain""#, r#""""#, r#""a\nb""#, r#""\"\\\/\b\f\n\r\t""#, r#""caf\u00e9 \u00E9""#,
            r#""\ud83d\ude00 x""#, r#""\u0000""#, r#""é\n😀\u2028""#, r#""lone \ud800 x""#, r#""lone \ud800""#,
            r#""trail \udc00""#, r#""pair then lone \ud83d\ude00\ud83d""#, r#""lead then not trail \ud800\u0041""#,
            r#""lead then escape \ud800\n""#, r#""end\\""#,
        ];
        for raw in cases {
            let mut scratch = String::new();
            let ours = string_value(raw, &mut scratch).map(str::to_string);
            let theirs = serde_json::from_str::<String>(raw).ok();
            assert_eq!(ours, theirs, "{raw}");
        }
    }

    #[test]
    fn escaped_and_repeated_keys_and_the_id_as_text() {
        let input = "{\"te\\u0078t\": \"One.\", \"id\": 1, \"id\": 2}\n{\"text\": \"A.\", \"text\": \"Bee. Cee.\"}";
        let text = String::from_utf8(annotate_block(input.as_bytes(), 1, &opts()).out()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], r#"{"id":2,"sentences":[{"start":0,"end":4}]}"#);
        assert_eq!(lines[1], r#"{"id":2,"sentences":[{"start":0,"end":4},{"start":5,"end":9}]}"#);
        let same = JsonlOptions { id_field: "text".into(), ..opts() };
        let text = String::from_utf8(annotate_block(b"{\"text\": \"Hi.\"}", 1, &same).out()).unwrap();
        assert_eq!(text, "{\"id\":\"Hi.\",\"sentences\":[{\"start\":0,\"end\":3}]}\n");
    }

    #[test]
    fn a_head_carried_over_is_the_start_of_the_first_line() {
        let input: &[u8] = b"{\"id\": 1, \"text\": \"One.\"}\n\n{\"text\": \"Two. Three.\"}\r\n  \n{\"text\": 5}\n{\"text\": \"Last\"}";
        let whole = annotate_block(input, 7, &opts());
        for cut in 0..=input.len() {
            let (head, block) = input.split_at(cut);
            if head.contains(&b'\n') {
                continue;
            }
            let split = annotate_lines(head, block, 7, &opts());
            assert_eq!(split.out(), whole.out(), "cut at {cut}");
            assert_eq!((split.records, split.errors.len(), split.text_bytes), (whole.records, whole.errors.len(), whole.text_bytes));
        }
        let two_lines = annotate_lines(b"{\"text\": \"A.\"}\n{\"te", b"xt\": 1}\n", 3, &opts());
        assert_eq!(String::from_utf8(two_lines.out()).unwrap().lines().nth(1), Some(r#"{"id":4,"error":"in.jsonl:4: field \"text\" is not a string (number)"}"#));
        assert_eq!(whole.out_len(), whole.out().len());
    }

    #[test]
    fn the_fast_reader_agrees_with_serde_json() {
        let mut lines: Vec<String> = [
            r#"{"id": "a", "text": "One. Two."}"#, r#"  {"text":"x","id":-0.5e+3}  "#, r#"{}"#, r#"{ }"#, r#"{"text": "a\nb\u00e9\"q\"", "n": null, "t": true, "f": false}"#,
            r#"{"text": "lone \ud800"}"#, r#"{"te\u0078t": "k"}"#, r#"{"text": "x", "text": "y"}"#, r#"{"id": 01, "text": "x"}"#, r#"{"id": 1., "text": "x"}"#,
            r#"{"id": 1e, "text": "x"}"#, r#"{"id": -, "text": "x"}"#, r#"{"id": tru, "text": "x"}"#, r#"{"text": "x",}"#, r#"{"text": "x"} y"#,
            r#"{"text": "bad \q"}"#, r#"{"text": "\u12"}"#, "{\"text\": \"ctl \u{1}\"}", r#"{"a": [1, {"b": 2}], "text": "n"}"#, r#"[1]"#, r#""s""#,
            r#"{"text" "x"}"#, r#"{"text": "x" "id": 1}"#, r#"{"text": "é ’ 😀 \\"}"#, r#"{"id":0,"text":"x"}"#, r#"{"id":-0.0E-0,"text":""}"#, "{\"text\":\"x\"}\t",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Records put together at random from keys, values and spaces, most of them valid.
        let keys = ["\"text\"", "\"id\"", "\"k\"", "\"te\\u0078t\"", "\"\"", "text", "\"id"];
        let values = [
            "\"v\"", "\"a\\nb\\t\\\"c\\\"\"", "\"é ’ 😀\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\"", "1", "-2.5e-3", "0", "-0", "12E+4",
            "true", "false", "null", "[1]", "{}", "01", "1.", ".5", "+1", "nul", "\"\\x\"", "\"open", "\"\u{7}\"", "1e", "--1",
        ];
        let spaces = ["", " ", "\t", "  \r ", "\n"];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut pick = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..30_000 {
            let mut line = String::from(spaces[pick(5)]);
            line.push('{');
            for k in 0..pick(4) {
                if k > 0 {
                    line.push_str([",", ",", ",", ",,", ""][pick(5)]);
                }
                line.push_str(spaces[pick(5)]);
                line.push_str(keys[pick(7) % if pick(6) == 0 { 7 } else { 3 }]);
                line.push_str(spaces[pick(5)]);
                line.push_str([":", ":", ":", ""][pick(4)]);
                line.push_str(spaces[pick(5)]);
                line.push_str(values[pick(values.len()) % if pick(4) == 0 { values.len() } else { 14 }]);
                line.push_str(spaces[pick(5)]);
            }
            line.push_str(["}", "}", "}", "", "}}", "} x"][pick(6)]);
            line.push_str(spaces[pick(5)]);
            lines.push(line);
        }
        let mut fast = 0;
        for line in &lines {
            let serde = parse_record_serde(line, "text", "id");
            if let Some(record) = parse_flat_record(line, "text", "id") {
                fast += 1;
                assert_eq!(serde.as_ref().ok(), Some(&record), "{line}");
            }
            assert_eq!(parse_record(line, "text", "id").ok(), serde.ok(), "{line}");
        }
        assert!(fast > 5_000, "{fast}");
    }
}
