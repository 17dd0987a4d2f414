/** Wiring only: security, error answers, request limits, the clock. No business rules. */
package app.tandem.config;
