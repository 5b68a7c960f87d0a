// One role on the store container for one identity: the narrowest scope Azure RBAC offers for blobs.

param accountName string
param containerName string
param principalId string

@allowed([
  'reader'
  'contributor'
])
param access string

var roles = {
  // Storage Blob Data Reader, Storage Blob Data Contributor
  reader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  contributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: accountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: containerName
    }
  }
}

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobService::container.id, principalId, roles[access])
  scope: account::blobService::container
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles[access])
  }
}
