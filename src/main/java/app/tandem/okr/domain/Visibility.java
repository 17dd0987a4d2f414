package app.tandem.okr.domain;

/** Public to the whole organisation (the default), or private to the owner, the leads above and admins. */
public enum Visibility {
	PUBLIC, PRIVATE
}
