// The retrain job as a Container Apps job on a schedule: every run serves the pending retrain requests and exits at
// once when there are none (a few seconds of a container). An event trigger (KEDA azure-blob scaler) counts the blobs
// under a prefix; served requests stay under retrain-requests/ with a done marker beside them, so that count never
// drops back and the job would start on every polling interval anyway, with a storage key for the scaler on top.

param baseName string
param location string = resourceGroup().location
param workspaceCustomerId string

@secure()
param workspaceSharedKey string

@description('Image built by .github/workflows/retrain-image.yml, pinned by digest: ghcr.io/OWNER/REPO/retrain-job@sha256:....')
param image string

@description('Registry user for a private image; empty for a public one.')
param registryUsername string = ''

@secure()
@description('Registry password or token for a private image.')
param registryPassword string = ''

@description('When the job looks for pending retrain requests (cron, UTC).')
param cronExpression string = '*/5 * * * *'

param identityId string
param identityClientId string

@description('Environment of the job (store, blob endpoint).')
param settings object

param tags object = {}

var privateRegistry = !empty(registryUsername)
var registryServer = split(image, '/')[0]

resource jobsEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${baseName}-jobs'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspaceCustomerId
        sharedKey: workspaceSharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

resource job 'Microsoft.App/jobs@2024-03-01' = {
  name: '${baseName}-retrain'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: jobsEnvironment.id
    workloadProfileName: 'Consumption'
    configuration: {
      triggerType: 'Schedule'
      scheduleTriggerConfig: {
        cronExpression: cronExpression
        parallelism: 1
        replicaCompletionCount: 1
      }
      // A retrain on the full reference data takes minutes; one that runs an hour is stuck.
      replicaTimeout: 3600
      replicaRetryLimit: 1
      secrets: privateRegistry ? [
        {
          name: 'registry-password'
          value: registryPassword
        }
      ] : []
      registries: privateRegistry ? [
        {
          server: registryServer
          username: registryUsername
          passwordSecretRef: 'registry-password'
        }
      ] : []
    }
    template: {
      containers: [
        {
          name: 'retrain-job'
          image: image
          args: [
            'retrain'
          ]
          resources: {
            cpu: json('2.0')
            memory: '4Gi'
          }
          env: [for setting in items(union(settings, { AZURE_CLIENT_ID: identityClientId })): {
            name: setting.key
            value: setting.value
          }]
        }
      ]
    }
  }
}

output jobName string = job.name
output environmentName string = jobsEnvironment.name
