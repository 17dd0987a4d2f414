package app.tandem.notify.domain;

/** Where a notification reaches a person. */
public enum Channel {
	/** The bell and the notifications page. */
	IN_APP,
	/** An e-mail to the person's address, when mail is configured and they have one. */
	EMAIL
}
