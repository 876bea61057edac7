package org.bootproxy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/design.md: the domain imports only the JDK (and the JDK-only toolkit {@code support}); adapters depend
 * on boot/ and support/, never on each other or on the config.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.bootproxy");
    }

    @Test
    void bootDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("org.bootproxy.boot..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.bootproxy.boot..", "org.bootproxy.support..", "java..")
                .because("the domain must stay free of adapters and libraries (support is JDK-only: MachineFacts uses its line sanitiser)")
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        String[] adapters = {"tftp", "http", "smartproxy", "inventory", "render", "events", "metrics", "state",
            "logging", "dhcp", "doctor", "discovery", "ui"};
        for (String a : adapters) {
            String[] others = java.util.Arrays.stream(adapters).filter(o -> !o.equals(a))
                    .map(o -> "org.bootproxy." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("org.bootproxy." + a + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .because("only the composition root (Main, cli/) wires adapters together")
                    .check(classes);
        }
    }

    @Test
    void supportDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("org.bootproxy.support..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.bootproxy.support..", "java..")
                .because("every adapter and the domain may use the toolkit, so it may use none of them, nor a library")
                .check(classes);
    }

    @Test
    void nothingButTheCompositionRootUsesTheCli() {
        noClasses().that().resideOutsideOfPackages("org.bootproxy.cli..", "org.bootproxy")
                .should().dependOnClassesThat().resideInAPackage("org.bootproxy.cli..")
                .check(classes);
    }

    /** Adapters get their own settings records, built from the config in the composition root. */
    @Test
    void onlyTheCompositionRootReadsTheConfig() {
        noClasses().that().resideOutsideOfPackages("org.bootproxy.cli..", "org.bootproxy.config..", "org.bootproxy")
                .should().dependOnClassesThat().resideInAPackage("org.bootproxy.config..")
                .because("adapters and the domain take their own settings records; only Main and cli/ read the config")
                .check(classes);
    }

    @Test
    void inventoryDoesNotDependOnTheConfig() {
        noClasses().that().resideInAPackage("org.bootproxy.inventory..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bootproxy.config..", "org.bootproxy.cli..")
                .because("the inventory backends take CacheSettings, ForemanSettings and CmdbSettings (the CMDB"
                        + " mapping language lives in inventory/cmdb)")
                .check(classes);
    }

    @Test
    void theConfigKnowsNoAdapter() {
        String[] adapters = {"tftp", "http", "smartproxy", "inventory", "render", "events", "metrics", "state", "logging",
            "dhcp", "doctor", "cli"};
        noClasses().that().resideInAPackage("org.bootproxy.config..")
                .should().dependOnClassesThat().resideInAnyPackage(java.util.Arrays.stream(adapters)
                        .map(a -> "org.bootproxy." + a + "..").toArray(String[]::new))
                .because("the config reads and checks YAML and hands plain values to the composition root")
                .check(classes);
    }

    @Test
    void onlyTheRouteTableRegistersRoutes() {
        // modules declare support.Route values; only http/HttpServer turns them into Javalin routes
        noClasses().that().doNotHaveFullyQualifiedName("org.bootproxy.http.HttpServer")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.javalin.config.RoutesConfig")
                .because("every route is declared once, with its stage and error style, in HttpServer's table")
                .check(classes);
    }
}
