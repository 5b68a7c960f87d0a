package dev.pigeonhole.store;

/** The store contract on Azurite, the Azure Blob Storage emulator. */
class AzureBlobArtifactStoreTest extends CloudStoreContract {

    @Override
    StorageServer sharedServer() {
        return AzuriteServer.shared();
    }

    @Override
    StorageServer startServer() {
        return AzuriteServer.start();
    }
}
