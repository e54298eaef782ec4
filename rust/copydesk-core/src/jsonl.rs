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
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::BTreeMap;

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
    /// Output lines, each ending in `\n`.
    pub out: Vec<u8>,
    /// Records written (non-blank input lines).
    pub records: usize,
    /// The error lines among them, as written.
    pub errors: Vec<String>,
    /// Bytes of text analysed.
    pub text_bytes: usize,
}

/// Annotates the complete lines of `block`, the first of which is line
/// `first_line` (1-based) of the input. A final line without `\n` is taken
/// as complete.
pub fn annotate_block(block: &[u8], first_line: usize, opts: &JsonlOptions) -> JsonlBlock {
    let lines: Vec<(usize, &[u8])> = block
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(k, l)| (first_line + k, l))
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .collect();
    // Lines are annotated in runs, each run into one buffer: few allocations,
    // and the runs are joined in input order.
    let runs: Vec<JsonlBlock> = lines
        .par_chunks(32)
        .map(|run| {
            let mut part = JsonlBlock { records: run.len(), ..Default::default() };
            let mut out = String::new();
            for &(n, l) in run {
                let start = out.len();
                match annotate_line(l, n, opts, &mut out) {
                    Some(text_bytes) => part.text_bytes += text_bytes,
                    None => part.errors.push(out[start..].to_string()),
                }
            }
            part.out = out.into_bytes();
            part
        })
        .collect();
    let mut block = JsonlBlock { out: Vec::with_capacity(runs.iter().map(|r| r.out.len()).sum()), ..Default::default() };
    for run in runs {
        block.out.extend_from_slice(&run.out);
        block.records += run.records;
        block.text_bytes += run.text_bytes;
        block.errors.extend(run.errors);
    }
    block
}

/// Appends one output line (with its `\n`) to `out`: the size of the text
/// analysed, or `None` when the line is an error record.
fn annotate_line(line: &[u8], lineno: usize, opts: &JsonlOptions, out: &mut String) -> Option<usize> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let fallback_id = lineno.to_string();
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
        Err(e) => return fail(&fallback_id, format!("invalid UTF-8 at byte {}", e.valid_up_to())),
    };
    let record = match parse_record(text) {
        Ok(r) => r,
        Err(e) if e.is_data() && !text.trim_start().starts_with('{') => {
            return fail(&fallback_id, "a record must be a JSON object".into())
        }
        Err(e) => return fail(&fallback_id, format!("bad JSON: {e}")),
    };
    let field = |name: &str| record.iter().find(|(k, _)| k == name).map(|(_, v)| *v);
    let id = field(&opts.id_field).map_or(fallback_id.as_str(), |v| v.get());
    let Some(raw) = field(&opts.text_field) else {
        return fail(id, format!("field {:?} is missing", opts.text_field));
    };
    let body: Cow<str> = match string_value(raw.get()) {
        Some(s) => s,
        None => return fail(id, format!("field {:?} is not a string ({})", opts.text_field, json_type(raw.get()))),
    };
    out.push_str("{\"id\":");
    out.push_str(id);
    let layers = opts.layers;
    if layers.tokens || layers.sentences || layers.quotes || layers.quantities {
        out.push(',');
        write_layers(&body, &analyze(&body, layers), layers, opts.bytes, out);
    }
    out.push_str("}\n");
    Some(body.len())
}

/// The members of a JSON object, values raw. Keys are borrowed unless they
/// have escapes; the last of repeated keys wins, as in most JSON readers.
fn parse_record(text: &str) -> Result<Vec<(Cow<'_, str>, &RawValue)>, serde_json::Error> {
    if let Ok(map) = serde_json::from_str::<BTreeMap<&str, &RawValue>>(text) {
        return Ok(map.into_iter().map(|(k, v)| (Cow::Borrowed(k), v)).collect());
    }
    let map: BTreeMap<Cow<str>, &RawValue> = serde_json::from_str(text)?;
    Ok(map.into_iter().collect())
}

/// A JSON string value, borrowed when it has no escapes (most texts do not).
fn string_value(raw: &str) -> Option<Cow<'_, str>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str::<String>(raw).ok().map(Cow::Owned)
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
        let text = String::from_utf8(out.out).unwrap();
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
    }
}
