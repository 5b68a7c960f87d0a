terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.80.0"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "2.7.0"
    }
  }

  # State: pass a backend at init, e.g.
  #   terraform init -backend-config="bucket=my-tf-state" -backend-config="key=pigeonhole.tfstate" -backend-config="region=eu-west-1"
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      project = "pigeonhole"
      stack   = local.name
    }
  }
}
