# The artifact store: models, channels, feedback and retrain requests under var.store_prefix.
# bucket_prefix takes at most 37 characters: local.name is at most 29 (variables.tf), so this is at most 36.
resource "aws_s3_bucket" "store" {
  bucket_prefix = "${local.name}-store-"
}

resource "aws_s3_bucket_versioning" "store" {
  bucket = aws_s3_bucket.store.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "store" {
  bucket = aws_s3_bucket.store.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "store" {
  bucket                  = aws_s3_bucket.store.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "store" {
  bucket = aws_s3_bucket.store.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# Old versions of overwritten objects (channel pointers, the feedback counter) are kept a while for recovery, not forever.
resource "aws_s3_bucket_lifecycle_configuration" "store" {
  bucket = aws_s3_bucket.store.id

  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }

  depends_on = [aws_s3_bucket_versioning.store]
}

# Object-created events go to EventBridge, where the retrain rule picks the retrain requests out.
resource "aws_s3_bucket_notification" "store" {
  bucket      = aws_s3_bucket.store.id
  eventbridge = true
}

resource "aws_s3_bucket_policy" "store_tls_only" {
  bucket = aws_s3_bucket.store.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.store.arn, "${aws_s3_bucket.store.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })

  depends_on = [aws_s3_bucket_public_access_block.store]
}

# The functions' packages and the agent layer, uploaded here by Terraform (the first ones) and by the deploy workflow
# (every later one): Lambda takes a package from S3 up to 250 MB unzipped, a direct upload only up to 50 MB zipped.
resource "aws_s3_bucket" "packages" {
  bucket_prefix = "${local.name}-pkgs-"
}

resource "aws_s3_bucket_public_access_block" "packages" {
  bucket                  = aws_s3_bucket.packages.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Every deploy uploads two packages of ~30 and ~50 MB; the aliases' versions keep their own copy of the code.
resource "aws_s3_bucket_lifecycle_configuration" "packages" {
  bucket = aws_s3_bucket.packages.id

  rule {
    id     = "expire-deployed-packages"
    status = "Enabled"

    filter {
      prefix = "deploy/"
    }

    expiration {
      days = 30
    }
  }
}
