// Log Analytics, workspace-based Application Insights, and the "Bad prediction" alert e-mailed to the team.
// Deployable on its own (az deployment group create -f modules/monitoring.bicep) for a team that runs on AWS and
// sends the feedback function's traces here.

@description('Prefix of every resource name.')
param baseName string

param location string = resourceGroup().location

@description('Address the alert e-mails go to.')
param alertEmail string

@description('Bad predictions within the window that fire the alert.')
param alertThreshold int = 3

@description('Days the workspace keeps logs.')
param retentionDays int = 30

param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${baseName}-team'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(baseName, '-', ''), 12)
    enabled: true
    emailReceivers: [
      {
        name: 'team'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Totals the itemCount of the query's rows (one per Bad prediction trace) over the last 5 minutes, every 5 minutes:
// sum(itemCount), not a count of rows, so that it stays right if sampling is ever turned on (a sampled trace stands
// for itemCount traces; the feedback function ships with sampling off, each of its traces has itemCount 1).
resource badPredictions 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${baseName}-bad-predictions'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Pigeonhole: ${alertThreshold} or more bad predictions in 5 minutes'
    description: 'Users corrected ${alertThreshold} or more predictions within 5 minutes: look at the traces (model_version, predicted_label, true_label) and consider a rollback.'
    severity: 2
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: loadTextContent('../alert-query.kql')
          timeAggregation: 'Total'
          metricMeasureColumn: 'itemCount'
          operator: 'GreaterThanOrEqual'
          threshold: alertThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

output workspaceId string = workspace.id
output workspaceCustomerId string = workspace.properties.customerId
output workspaceName string = workspace.name
output appInsightsName string = appInsights.name
output connectionString string = appInsights.properties.ConnectionString
output alertRuleName string = badPredictions.name
