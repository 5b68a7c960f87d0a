// The plan both Function Apps share, their host storage, and the two apps (predict, feedback) with staging slots.
//
// Plan: Elastic Premium (EP1, Linux). Flex Consumption has no deployment slots and Linux Consumption is being retired;
// Windows Consumption has slots but starts every instance cold, and a JVM that loads a model takes seconds to answer
// its first request. Elastic Premium keeps a pre-warmed instance, so the web page and the smoke test meet a warm JVM,
// and it scales out like Consumption under load.

param baseName string
param location string = resourceGroup().location

@description('Storage account name of the Functions host (leases, keys, content share): not the artifact store.')
param hostStorageName string

param planSku string = 'EP1'
param maximumElasticWorkerCount int = 10

@description('Settings both apps get (store, telemetry, refresh).')
param commonSettings object

param predictIdentityId string
param predictIdentityClientId string
param predictIdentityPrincipalId string
param feedbackIdentityId string
param feedbackIdentityClientId string
param feedbackIdentityPrincipalId string

@description('App setting value of PIGEONHOLE_API_KEYS for the feedback app: a Key Vault reference, or empty for none.')
param apiKeysSetting string

@description('Origins besides the predict apps allowed to POST /feedback (CORS).')
param extraAllowedOrigins array = []

param tags object = {}

var predictName = '${baseName}-predict'
var feedbackName = '${baseName}-feedback'

// Default host names of the apps and their staging slots, known before they exist.
var predictHost = 'https://${predictName}.azurewebsites.net'
var predictStagingHost = 'https://${predictName}-staging.azurewebsites.net'
var feedbackHost = 'https://${feedbackName}.azurewebsites.net'
var feedbackStagingHost = 'https://${feedbackName}-staging.azurewebsites.net'

resource hostStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: hostStorageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
    // The content share (Azure Files) of an Elastic Premium app is mounted with the account key: the one key used here.
    allowSharedKeyAccess: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${baseName}-plan'
  location: location
  tags: tags
  kind: 'elastic'
  sku: {
    name: planSku
    tier: 'ElasticPremium'
  }
  properties: {
    reserved: true
    maximumElasticWorkerCount: maximumElasticWorkerCount
  }
}

// The Functions host keeps its own state (leases, keys) in the host account through the identity: Blob Data Owner,
// Queue and Table Data Contributor, as Azure Functions documents for identity-based AzureWebJobsStorage.
var hostRoles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
]

resource predictHostRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in hostRoles: {
  name: guid(hostStorage.id, predictIdentityPrincipalId, role)
  scope: hostStorage
  properties: {
    principalId: predictIdentityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource feedbackHostRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in hostRoles: {
  name: guid(hostStorage.id, feedbackIdentityPrincipalId, role)
  scope: hostStorage
  properties: {
    principalId: feedbackIdentityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

var hostSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'java'
  // Attaches the Application Insights Java agent the Functions host ships: applicationinsights-core sends nothing
  // without it, so without this no "Bad prediction" trace reaches the alert.
  APPLICATIONINSIGHTS_ENABLE_AGENT: 'true'
  // The Functions front end appends the caller's address to X-Forwarded-For: one hop to trust for per-address limits.
  PIGEONHOLE_FORWARDED_FOR_HOPS: '1'
  AzureWebJobsStorage__accountName: hostStorage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  WEBSITE_CONTENTAZUREFILECONNECTIONSTRING: 'DefaultEndpointsProtocol=https;AccountName=${hostStorage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${hostStorage.listKeys().keys[0].value}'
  WEBSITE_RUN_FROM_PACKAGE: '1'
}

module predict 'function-app.bicep' = {
  name: 'predict-app'
  params: {
    name: predictName
    location: location
    planId: plan.id
    identityId: predictIdentityId
    tags: tags
    settings: union(hostSettings, commonSettings, {
      AzureWebJobsStorage__clientId: predictIdentityClientId
      AZURE_CLIENT_ID: predictIdentityClientId
      // The predict function sends no trace of its own: no Application Insights agent in its JVM (a faster cold start).
      APPLICATIONINSIGHTS_ENABLE_AGENT: 'false'
      PIGEONHOLE_CHANNEL: 'production'
      PIGEONHOLE_WEB_FEEDBACK_URL: '${feedbackHost}/feedback'
    })
    stagingSettings: {
      PIGEONHOLE_CHANNEL: 'staging'
      PIGEONHOLE_WEB_FEEDBACK_URL: '${feedbackStagingHost}/feedback'
    }
    stickySettingNames: [
      'PIGEONHOLE_CHANNEL'
      'PIGEONHOLE_WEB_FEEDBACK_URL'
    ]
  }
  dependsOn: [
    predictHostRoles
  ]
}

module feedback 'function-app.bicep' = {
  name: 'feedback-app'
  params: {
    name: feedbackName
    location: location
    planId: plan.id
    identityId: feedbackIdentityId
    tags: tags
    settings: union(hostSettings, commonSettings, empty(apiKeysSetting) ? {} : {
      PIGEONHOLE_API_KEYS: apiKeysSetting
    }, {
      AzureWebJobsStorage__clientId: feedbackIdentityClientId
      AZURE_CLIENT_ID: feedbackIdentityClientId
      // Bad prediction traces are sent only by the Application Insights agent, which the Java worker attaches when
      // asked, with the configuration the package ships (sampling off: every trace is sent).
      APPLICATIONINSIGHTS_ENABLE_AGENT: 'true'
      APPLICATIONINSIGHTS_CONFIGURATION_FILE: '/home/site/wwwroot/applicationinsights.json'
      PIGEONHOLE_CHANNEL: 'production'
      PIGEONHOLE_FEEDBACK_ALLOWED_ORIGINS: join(concat([predictHost, predictStagingHost], extraAllowedOrigins), ',')
    })
    stagingSettings: {
      PIGEONHOLE_CHANNEL: 'staging'
    }
    stickySettingNames: [
      'PIGEONHOLE_CHANNEL'
    ]
  }
  dependsOn: [
    feedbackHostRoles
  ]
}

output predictName string = predict.outputs.name
output predictUrl string = predict.outputs.url
output predictStagingUrl string = predict.outputs.stagingUrl
output feedbackName string = feedback.outputs.name
output feedbackUrl string = feedback.outputs.url
output feedbackStagingUrl string = feedback.outputs.stagingUrl
output planName string = plan.name
