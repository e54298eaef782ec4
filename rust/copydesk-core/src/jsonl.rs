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
    let results: Vec<(String, bool, usize)> = lines.par_iter().map(|&(n, l)| annotate_line(l, n, opts)).collect();
    let mut block = JsonlBlock { records: results.len(), ..Default::default() };
    block.out.reserve(results.iter().map(|r| r.0.len()).sum());
    for (line, ok, text_bytes) in results {
        block.out.extend_from_slice(line.as_bytes());
        block.text_bytes += text_bytes;
        if !ok {
            block.errors.push(line);
        }
    }
    block
}

/// One output line (with its `\n`), whether it succeeded, and the text's size.
fn annotate_line(line: &[u8], lineno: usize, opts: &JsonlOptions) -> (String, bool, usize) {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let fallback_id = lineno.to_string();
    let fail = |id: &str, msg: String| {
        let msg = format!("{}:{lineno}: {msg}", opts.source);
        let quoted = serde_json::to_string(&msg).unwrap_or_else(|_| "\"error\"".into());
        (format!("{{\"id\":{id},\"error\":{quoted}}}\n"), false, 0)
    };
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => return fail(&fallback_id, format!("invalid UTF-8 at byte {}", e.valid_up_to())),
    };
    let record: BTreeMap<Cow<str>, &RawValue> = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) if e.is_data() && !text.trim_start().starts_with('{') => {
            return fail(&fallback_id, "a record must be a JSON object".into())
        }
        Err(e) => return fail(&fallback_id, format!("bad JSON: {e}")),
    };
    let id = record.get(opts.id_field.as_str()).map_or(fallback_id.as_str(), |v| v.get());
    let Some(raw) = record.get(opts.text_field.as_str()) else {
        return fail(id, format!("field {:?} is missing", opts.text_field));
    };
    let body: Cow<str> = match serde_json::from_str::<&str>(raw.get()) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => match serde_json::from_str::<String>(raw.get()) {
            Ok(s) => Cow::Owned(s),
            Err(_) => return fail(id, format!("field {:?} is not a string ({})", opts.text_field, json_type(raw.get()))),
        },
    };
    let mut out = String::with_capacity(32 + body.len() / 4);
    out.push_str("{\"id\":");
    out.push_str(id);
    let layers = opts.layers;
    if layers.tokens || layers.sentences || layers.quotes || layers.quantities {
        out.push(',');
        write_layers(&body, &analyze(&body, layers), layers, opts.bytes, &mut out);
    }
    out.push_str("}\n");
    (out, true, body.len())
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
