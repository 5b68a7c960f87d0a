// The Key Vault holding PIGEONHOLE_API_KEYS (client-id:sha256-hex-of-key,...), read by the feedback app through a Key
// Vault reference with its own identity (Key Vault Secrets User on that one secret).

param name string
param location string = resourceGroup().location
param secretName string
param readerPrincipalId string

@secure()
@description('Initial value of the secret; empty leaves the secret to be set with az keyvault secret set.')
param apiKeys string = ''

param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // No purge protection: the vault's name derives from the resource group, so a purge-protected vault of a deleted
    // group would block redeploying it for the whole retention. It holds only key digests, set again in one command;
    // after deleting the group, `az keyvault purge --name <vault>` frees the name at once.
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(apiKeys)) {
  parent: vault
  name: secretName
  properties: {
    value: apiKeys
    contentType: 'client-id:sha256-hex-of-key,...'
  }
}

// Key Vault Secrets User, scoped to the vault (a secret that does not exist yet cannot be a scope).
resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

output name string = vault.name
output reference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${secretName})'
