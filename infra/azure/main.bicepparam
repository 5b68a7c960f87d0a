using './main.bicep'

// An example: copy, adjust, then
//   az deployment group create -g pigeonhole-rg -f infra/azure/main.bicep -p infra/azure/main.bicepparam
param namePrefix = 'pigeonhole'
param nameSuffix = 'demo'
param location = 'westeurope'
param alertEmail = 'ml-team@example.org'
// Pinned by digest: the deploy workflow moves the job to each new image after the staging smoke test; when you deploy
// this file again, give it the image the job runs now (az containerapp job show ... --query
// properties.template.containers[0].image), or the deployment moves the job back to this one.
param retrainImage = 'ghcr.io/example-org/pigeonhole/retrain-job@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
param retrainSchedule = '*/5 * * * *'
param retrainEvery = 100
param planSku = 'EP1'
// The API keys are a secret: pass them at deploy time (-p apiKeys=...) or set them in Key Vault afterwards.
param apiKeys = readEnvironmentVariable('PIGEONHOLE_API_KEYS', '')
