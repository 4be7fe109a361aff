package io.ternmq.broker.store;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.ternmq.broker.store", importOptions = ImportOption.DoNotIncludeTests.class)
class StoreArchitectureTest {
    @ArchTest
    static final ArchRule storeDependsOnNoNetworkFrameworkOrProtocolCode = noClasses()
            .that().resideInAPackage("io.ternmq.broker.store..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.netty..", "org.springframework..", "io.ternmq.protocol..");
}
