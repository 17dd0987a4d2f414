/** Tiny and explicitly open: ids, errors, pages and SQL helpers that every module uses. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.tandem.shared;
