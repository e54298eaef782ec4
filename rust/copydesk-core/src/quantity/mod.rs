//! Quantities: number grammar, number words, units, conversion, modifiers.
