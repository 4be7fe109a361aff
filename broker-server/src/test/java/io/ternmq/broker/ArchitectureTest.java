package io.ternmq.broker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core services must stay usable by other protocol front-ends (the Kafka adapter): no Netty, no remoting. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.ternmq.broker");

    @Test
    void coreServicesDoNotDependOnTheNativeRemotingLayer() {
        noClasses().that().resideInAnyPackage("..broker.core..", "..broker.topic..", "..broker.offset..",
                        "..broker.group..", "..broker.client..", "..broker.message..", "..broker.metadata..",
                        "..broker.filter..", "..broker.stats..", "..broker.spi..", "..broker.config..",
                        "..broker.tx..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "..broker.remoting..",
                        "..broker.handler..", "..broker.longpolling..")
                .check(CLASSES);
    }

    @Test
    void handlersDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("..broker.handler.send..")
                .should().dependOnClassesThat().resideInAnyPackage("..broker.handler.pull..",
                        "..broker.handler.admin..")
                .check(CLASSES);
    }
}
