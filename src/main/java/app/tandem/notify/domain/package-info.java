/** The kinds of notification and their channels, without Spring. */
package app.tandem.notify.domain;
