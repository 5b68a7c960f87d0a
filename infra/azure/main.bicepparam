using './main.bicep'

// An example: copy, adjust, then
//   az deployment group create -g pigeonhole-rg -f infra/azure/main.bicep -p infra/azure/main.bicepparam
param namePrefix = 'pigeonhole'
param nameSuffix = 'demo'
param location = 'westeurope'
param alertEmail = 'ml-team@example.org'
param retrainImage = 'ghcr.io/example-org/pigeonhole/retrain-job:latest'
param retrainSchedule = '*/5 * * * *'
param retrainEvery = 100
param planSku = 'EP1'
// The API keys are a secret: pass them at deploy time (-p apiKeys=...) or set them in Key Vault afterwards.
param apiKeys = readEnvironmentVariable('PIGEONHOLE_API_KEYS', '')
