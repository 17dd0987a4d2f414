/** The library's API ({@code /api/v1/library/kpis}) and page ({@code /library/kpis}). */
package app.tandem.library.web;
