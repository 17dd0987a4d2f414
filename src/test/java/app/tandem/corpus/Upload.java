package app.tandem.corpus;

import app.tandem.corpus.Probe.Expect;

/** A text body (CSV, JSON, YAML, a formula), the content type it is sent as, and what the answer must be. */
record Upload(String kind, String text, String contentType, Expect expect) {
}
