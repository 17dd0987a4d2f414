package app.tandem.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import app.tandem.TandemIntegrationTest;

/**
 * A context of their own for the tests of pages that list every team and person: the admin's team page offers a
 * parent and a person to add on each team's row, so its size grows with the teams times the teams and people that
 * all other tests of the suite create, and in the suite's shared context those tests took seven times as long
 * (issue 16 is to make that page scale).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TandemIntegrationTest
@TestPropertySource(properties = "tandem.test.context=admin-pages")
@interface AdminPagesContext {
}
