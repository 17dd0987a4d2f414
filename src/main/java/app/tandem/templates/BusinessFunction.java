package app.tandem.templates;

/** The part of an organisation a template is written for. */
public enum BusinessFunction {
	SALES, MARKETING, PRODUCT, CUSTOMER_SERVICE, PEOPLE, OPERATIONS, FINANCE
}
