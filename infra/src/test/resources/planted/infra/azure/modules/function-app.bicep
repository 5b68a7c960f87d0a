// One Function App (one Micronaut application: one JVM cannot host both) with a 'staging' slot. The settings named in
// stickySettingNames stay with their slot on a swap, so staging keeps serving the staging channel.

param name string
param location string = resourceGroup().location
param planId string

@description('User-assigned identity the app runs as (store, host storage, Key Vault references).')
param identityId string

@description('App settings of the production slot.')
param settings object

@description('Settings that differ in the staging slot (merged over settings).')
param stagingSettings object

@description('Names of the settings that stay with their slot on a swap.')
param stickySettingNames array

param tags object = {}

var siteConfig = {
  linuxFxVersion: 'Java|17'
  alwaysOn: false
  ftpsState: 'Disabled'
  minTlsVersion: '1.2'
  http20Enabled: true
  use32BitWorkerProcess: false
  preWarmedInstanceCount: 1
  functionsRuntimeScaleMonitoringEnabled: false
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: planId
    reserved: true
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: union(siteConfig, {
      appSettings: [for setting in items(union(settings, { WEBSITE_CONTENTSHARE: toLower(name) })): {
        name: setting.key
        value: setting.value
      }]
    })
  }
}

resource staging 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: planId
    reserved: true
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: union(siteConfig, {
      appSettings: [for setting in items(union(settings, stagingSettings, { WEBSITE_CONTENTSHARE: toLower('${name}-staging') })): {
        name: setting.key
        value: setting.value
      }]
    })
  }
}

resource slotConfigNames 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'slotConfigNames'
  properties: {
    appSettingNames: union(stickySettingNames, [
      'WEBSITE_CONTENTSHARE'
    ])
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
output stagingUrl string = 'https://${staging.properties.defaultHostName}'
