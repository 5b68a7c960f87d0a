// Pigeonhole on Azure: the artifact store, monitoring with the "Bad prediction" alert, the predict and feedback
// Function Apps (staging slots, slot-sticky channel) on one Elastic Premium plan, the API keys in Key Vault, and the
// retrain job on Container Apps. Deploy into a resource group:
//   az deployment group create -g <group> -f infra/azure/main.bicep -p infra/azure/main.bicepparam
targetScope = 'resourceGroup'

@description('Prefix of every resource name.')
@minLength(2)
@maxLength(12)
param namePrefix string = 'pigeonhole'

@description('Suffix of every resource name; the default is stable per resource group and keeps global names unique.')
@maxLength(8)
param nameSuffix string = take(uniqueString(resourceGroup().id), 6)

param location string = resourceGroup().location

@description('Address the "Bad prediction" alert e-mails go to.')
param alertEmail string

@description('Bad predictions within 5 minutes that fire the alert.')
param alertThreshold int = 3

@description('Retrain job image pinned by digest, repository@sha256:... (.github/workflows/retrain-image.yml pushes it to GHCR).')
param retrainImage string

@description('Registry user for a private retrain image; empty for a public one.')
param registryUsername string = ''

@secure()
param registryPassword string = ''

@description('When the retrain job looks for pending requests (cron, UTC); a run with none exits at once.')
param retrainSchedule string = '*/5 * * * *'

@description('Container of the artifact store, and the prefix of its keys.')
param storeContainer string = 'pigeonhole'
param storePrefix string = 'store'

@description('PIGEONHOLE_RETRAIN_EVERY: feedbacks per retrain request.')
param retrainEvery int = 100

@description('PIGEONHOLE_REFRESH_SECONDS: how often a running function checks its channel for a new version.')
param refreshSeconds int = 300

@description('Function plan: EP1, EP2 or EP3 (Elastic Premium: deployment slots and a pre-warmed instance).')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param planSku string = 'EP1'

@description('Origins besides the predict apps allowed to POST /feedback (CORS).')
param extraAllowedOrigins array = []

@secure()
@description('PIGEONHOLE_API_KEYS to store in Key Vault (client-id:sha256-hex-of-key,...); empty to set it later with az keyvault secret set.')
param apiKeys string = ''

param tags object = {
  project: 'pigeonhole'
}

var baseName = empty(nameSuffix) ? namePrefix : '${namePrefix}-${nameSuffix}'
var compactName = toLower(replace(baseName, '-', ''))
var apiKeysSecretName = 'pigeonhole-api-keys'

resource predictIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-predict'
  location: location
  tags: tags
}

resource feedbackIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-feedback'
  location: location
  tags: tags
}

resource retrainIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-retrain'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'store'
  params: {
    accountName: take('${compactName}store', 24)
    location: location
    containerName: storeContainer
    tags: tags
  }
}

// Least privilege on the store container: predict reads, feedback and the retrain job read and write.
module predictStoreRole 'modules/store-role.bicep' = {
  name: 'store-role-predict'
  params: {
    accountName: storage.outputs.accountName
    containerName: storage.outputs.containerName
    principalId: predictIdentity.properties.principalId
    access: 'reader'
  }
}

module feedbackStoreRole 'modules/store-role.bicep' = {
  name: 'store-role-feedback'
  params: {
    accountName: storage.outputs.accountName
    containerName: storage.outputs.containerName
    principalId: feedbackIdentity.properties.principalId
    access: 'contributor'
  }
}

module retrainStoreRole 'modules/store-role.bicep' = {
  name: 'store-role-retrain'
  params: {
    accountName: storage.outputs.accountName
    containerName: storage.outputs.containerName
    principalId: retrainIdentity.properties.principalId
    access: 'contributor'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    alertEmail: alertEmail
    alertThreshold: alertThreshold
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: take('${compactName}keys', 24)
    location: location
    secretName: apiKeysSecretName
    readerPrincipalId: feedbackIdentity.properties.principalId
    apiKeys: apiKeys
    tags: tags
  }
}

// What the code reads (DESIGN.md, Configuration): the store with the managed identity, telemetry, the loop's k.
var storeSettings = {
  PIGEONHOLE_STORE: 'azblob://${storeContainer}/${storePrefix}'
  PIGEONHOLE_AZURE_BLOB_ENDPOINT: storage.outputs.blobEndpoint
}

module functions 'modules/functions.bicep' = {
  name: 'functions'
  params: {
    baseName: baseName
    location: location
    hostStorageName: take('${compactName}host', 24)
    planSku: planSku
    commonSettings: union(storeSettings, {
      PIGEONHOLE_RETRAIN_EVERY: string(retrainEvery)
      PIGEONHOLE_REFRESH_SECONDS: string(refreshSeconds)
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
    })
    predictIdentityId: predictIdentity.id
    predictIdentityClientId: predictIdentity.properties.clientId
    predictIdentityPrincipalId: predictIdentity.properties.principalId
    feedbackIdentityId: feedbackIdentity.id
    feedbackIdentityClientId: feedbackIdentity.properties.clientId
    feedbackIdentityPrincipalId: feedbackIdentity.properties.principalId
    apiKeysSetting: keyVault.outputs.reference
    extraAllowedOrigins: extraAllowedOrigins
    tags: tags
  }
  dependsOn: [
    predictStoreRole
    feedbackStoreRole
  ]
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: '${baseName}-logs'
}

module retrainJob 'modules/retrain-job.bicep' = {
  name: 'retrain-job'
  params: {
    baseName: baseName
    location: location
    workspaceCustomerId: monitoring.outputs.workspaceCustomerId
    workspaceSharedKey: workspace.listKeys().primarySharedKey
    image: retrainImage
    registryUsername: registryUsername
    registryPassword: registryPassword
    cronExpression: retrainSchedule
    identityId: retrainIdentity.id
    identityClientId: retrainIdentity.properties.clientId
    // k too: each run creates the retrain requests the feedback function's best-effort counter missed.
    settings: union(storeSettings, {
      PIGEONHOLE_RETRAIN_EVERY: string(retrainEvery)
    })
    tags: tags
  }
  dependsOn: [
    retrainStoreRole
  ]
}

output store string = storeSettings.PIGEONHOLE_STORE
output blobEndpoint string = storage.outputs.blobEndpoint
output storageAccountName string = storage.outputs.accountName
output predictAppName string = functions.outputs.predictName
output feedbackAppName string = functions.outputs.feedbackName
output predictUrl string = functions.outputs.predictUrl
output predictStagingUrl string = functions.outputs.predictStagingUrl
output feedbackUrl string = functions.outputs.feedbackUrl
output feedbackStagingUrl string = functions.outputs.feedbackStagingUrl
output retrainJobName string = retrainJob.outputs.jobName
output appInsightsName string = monitoring.outputs.appInsightsName
output alertRuleName string = monitoring.outputs.alertRuleName
output keyVaultName string = keyVault.outputs.name
