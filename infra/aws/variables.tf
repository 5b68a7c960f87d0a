variable "region" {
  description = "AWS region of every resource."
  type        = string
  default     = "eu-west-1"
}

variable "name_prefix" {
  description = "Prefix of every resource name (lowercase letters, digits and '-')."
  type        = string
  default     = "pigeonhole"

  validation {
    # With name_suffix, at most 29 characters: S3 bucket name prefixes (storage.tf) take at most 37.
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.name_prefix))
    error_message = "name_prefix: 2 to 16 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "name_suffix" {
  description = "Suffix of every resource name, e.g. an environment or a team ('' for none)."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[a-z0-9-]{0,12}$", var.name_suffix))
    error_message = "name_suffix: up to 12 lowercase letters, digits or '-'."
  }
}

variable "store_prefix" {
  description = "Key prefix of the artifact store inside the bucket (PIGEONHOLE_STORE=s3://<bucket>/<store_prefix>)."
  type        = string
  default     = "pigeonhole"
}

variable "predict_package" {
  description = "The predict function's Lambda zip, built by ./mvnw -B package."
  type        = string
  default     = "../../packaging/predict-lambda/target/predict-function-lambda.zip"
}

variable "feedback_package" {
  description = "The feedback function's Lambda zip, built by ./mvnw -B package."
  type        = string
  default     = "../../packaging/feedback-lambda/target/feedback-function-lambda.zip"
}

variable "applicationinsights_layer_dir" {
  description = "What the Application Insights layer carries: the Java agent jar and its configuration (./mvnw -B -pl infra package stages both there)."
  type        = string
  default     = "../target/lambda-layer"
}

variable "lambda_memory_mb" {
  description = "Memory of each function; CPU grows with it, and so does the speed of the first model load."
  type        = number
  default     = 1536
}

variable "lambda_timeout_seconds" {
  description = "Timeout of each function (API Gateway gives up after 30 s)."
  type        = number
  default     = 29
}

variable "retrain_every" {
  description = "PIGEONHOLE_RETRAIN_EVERY: feedbacks per retrain request."
  type        = number
  default     = 100
}

variable "refresh_seconds" {
  description = "PIGEONHOLE_REFRESH_SECONDS: how often a warm function checks its channel for a new version (a SnapStart snapshot keeps the model it was taken with)."
  type        = number
  default     = 300
}

variable "feedback_allowed_origins" {
  description = "Extra origins allowed to POST /feedback (CORS), besides the predict APIs' own, e.g. a custom domain."
  type        = list(string)
  default     = []
}

variable "api_keys_parameter" {
  description = "Name of the SSM SecureString holding PIGEONHOLE_API_KEYS (client-id:sha256-hex-of-key,...), created before apply."
  type        = string
  default     = "/pigeonhole/api-keys"
}

variable "applicationinsights_connection_string_parameter" {
  description = "Name of the SSM SecureString holding the Application Insights connection string; '' sends no telemetry."
  type        = string
  default     = "/pigeonhole/applicationinsights-connection-string"
}

variable "retrain_image" {
  description = "First image of the retrain task, pinned by digest (repository@sha256:...); '' leaves it to the first deploy."
  type        = string
  default     = ""

  validation {
    condition     = var.retrain_image == "" || can(regex("@sha256:[0-9a-f]{64}$", var.retrain_image))
    error_message = "retrain_image: pin it by digest (repository@sha256:<64 hex digits>), never by a tag."
  }
}

variable "alert_email" {
  description = "Address the \"Bad prediction\" alarm e-mails (SNS asks it to confirm once); '' for no subscription."
  type        = string
  default     = ""
}

variable "alert_threshold" {
  description = "Bad predictions within 5 minutes that raise the alarm."
  type        = number
  default     = 3
}

variable "retrain_cpu" {
  description = "Fargate CPU units of the retrain task (2048 = 2 vCPU)."
  type        = number
  default     = 2048
}

variable "retrain_memory_mb" {
  description = "Fargate memory of the retrain task."
  type        = number
  default     = 8192
}

variable "subnet_ids" {
  description = "Subnets of the retrain task (they need a route to S3 and ECR); empty uses the default VPC's."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of every log group."
  type        = number
  default     = 30
}

variable "retrain_schedule" {
  description = "When the retrain job also runs to create the retrain requests the feedback function's counter missed (EventBridge schedule expression); a run with none pending exits at once."
  type        = string
  default     = "rate(30 minutes)"
}
