package app.tandem.assessment.domain;

/** One answer of the scale, such as 0 "not at all" … 4 "always". */
public record ScaleOption(int value, Localized label) {
}
