import '@shared/testing/setup'
