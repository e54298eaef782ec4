//! Quotations: mark roles, span pairing, paragraphs, attribution.
