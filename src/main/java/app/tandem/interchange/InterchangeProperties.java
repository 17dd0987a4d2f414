package app.tandem.interchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The interchange module's settings ({@code tandem.demo}, which the assessment module reads too: the two modules do
 * not depend on each other, so each binds it).
 *
 * @param demo on an instance without cycles, load the demo organisation (Acme Health) with six weeks of check-ins
 * and a year of KPI values (TANDEM_DEMO)
 */
@ConfigurationProperties("tandem")
record InterchangeProperties(@DefaultValue("false") boolean demo) {
}
