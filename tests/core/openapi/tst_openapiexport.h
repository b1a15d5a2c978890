// The exporter's test class, declared apart from its definitions: moc cannot read the raw string
// literals the expected JSON texts are written in.
#pragma once

#include "openapi/exporter.h"

#include <QObject>

Q_DECLARE_METATYPE(portico::openapi::ExportFormat)

class TestOpenApiExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openApi3DocumentLevel();
    void rootExtensions_data();
    void rootExtensions();
    void openApi3Operation();
    void integrationHasEveryField_data();
    void integrationHasEveryField();
    void anyMethodIsTheExtension();
    void openApi3Components();
    void swagger2Document();
    void modelReferencesAreRewrittenToTheDocument_data();
    void modelReferencesAreRewrittenToTheDocument();
    void authorizationKinds();
    void extrasAreWrittenBackAtTheirPointers();
    void extrasForeignToTheVersionAreLeftOut();
    void keptResponsesTakeTheTargetVersionsShape();
    void greedyParameterOfSwagger2Operations();
    void rootSecurityKeptFromAnImportIsOptedOutOfByOpenMethods();
    void builtInModelsAreDefinedWhenUsed();
    void integrationResponsesKeyedBySelectionPattern();
    void stageExportUsesTheDeploymentSnapshot_data();
    void stageExportUsesTheDeploymentSnapshot();
    void unknownStageIsAnError();
    void withoutExtensionsNoAwsKeyIsLeft_data();
    void withoutExtensionsNoAwsKeyIsLeft();
    void examplesFromModels();
    void cloudFormationTemplate();
    void aChangedDefinitionGetsANewDeployment();
    void samTemplate();
    void samExtraStagesUseTheApisDeployment();
    void templateOfOneStage();
    void warningsSayWhatWasLeftOut();
    void outputIsDeterministic_data();
    void outputIsDeterministic();
    void yamlReadsBackAsTheSameJson_data();
    void yamlReadsBackAsTheSameJson();
    void yamlScalarsKeepTheirType_data();
    void yamlScalarsKeepTheirType();
    void yamlMultiLineStrings_data();
    void yamlMultiLineStrings();
    void yamlEmptyContainersAndNumbers();
};
