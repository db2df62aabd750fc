{{/* Chart name, truncated to the 63 characters Kubernetes allows in a name. */}}
{{- define "sutwxapp.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "sutwxapp.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "sutwxapp.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "sutwxapp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sutwxapp.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "sutwxapp.labels" -}}
helm.sh/chart: {{ include "sutwxapp.chart" . }}
{{ include "sutwxapp.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: sutwxapp
{{- end -}}

{{- define "sutwxapp.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "sutwxapp.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding JWT_SECRET, WeChat keys and (external) connection URLs. */}}
{{- define "sutwxapp.secretName" -}}
{{- default (include "sutwxapp.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "sutwxapp.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "sutwxapp.backupImage" -}}
{{- printf "%s:%s" .Values.backup.image.repository (default .Chart.AppVersion .Values.backup.image.tag) -}}
{{- end -}}

{{/*
Connection URLs as container env entries. Bundled bitnami databases: the password comes from
the subchart's Secret and is spliced in with Kubernetes' $(VAR) expansion, so it is never
copied into this chart. External ones: DATABASE_URL/REDIS_URL/MONGODB_URI come from the
chart's Secret (or secrets.existingSecret) through envFrom.
*/}}
{{- define "sutwxapp.connectionEnv" -}}
{{- if .Values.mysql.enabled }}
- name: MYSQL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s-mysql" .Release.Name }}
      key: mysql-password
- name: DATABASE_URL
  value: {{ printf "mysql://%s:$(MYSQL_PASSWORD)@%s-mysql:3306/%s" .Values.mysql.auth.username .Release.Name .Values.mysql.auth.database | quote }}
{{- end }}
{{- if .Values.redis.enabled }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s-redis" .Release.Name }}
      key: redis-password
- name: REDIS_URL
  value: {{ printf "redis://:$(REDIS_PASSWORD)@%s-redis-master:6379/0" .Release.Name | quote }}
{{- end }}
{{- if .Values.mongodb.enabled }}
- name: MONGODB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s-mongodb" .Release.Name }}
      key: mongodb-passwords
- name: MONGODB_URI
  value: {{ printf "mongodb://%s:$(MONGODB_PASSWORD)@%s-mongodb:27017/%s" (first .Values.mongodb.auth.usernames) .Release.Name (first .Values.mongodb.auth.databases) | quote }}
{{- end }}
{{- end -}}

{{/*
Everything the API process reads: the ConfigMap, the Secret, the connection URLs. Called with
the root context (the release's own ConfigMap and Secret) or with
(dict "root" $ "suffix" "-migrate"): the migration hook's copies, which exist before install.
*/}}
{{- define "sutwxapp.appEnv" -}}
{{- $root := default . .root -}}
{{- $suffix := default "" .suffix -}}
envFrom:
  - configMapRef:
      name: {{ include "sutwxapp.fullname" $root }}{{ $suffix }}
  - secretRef:
      name: {{ include "sutwxapp.secretName" $root }}{{ if not $root.Values.secrets.existingSecret }}{{ $suffix }}{{ end }}
env:
  - name: WECHAT_PAY_PRIVATE_KEY
    value: /var/run/secrets/sutwxapp/apiclient_key.pem
  - name: WECHAT_PAY_PUBLIC_KEY
    value: /var/run/secrets/sutwxapp/wechatpay_pub_key.pem
{{- include "sutwxapp.connectionEnv" $root | nindent 2 }}
{{- end -}}

{{/* The WeChat Pay PEM files, mounted read-only from the Secret (same context as appEnv). */}}
{{- define "sutwxapp.keysVolume" -}}
{{- $root := default . .root -}}
{{- $suffix := default "" .suffix -}}
- name: wechatpay-keys
  secret:
    secretName: {{ include "sutwxapp.secretName" $root }}{{ if not $root.Values.secrets.existingSecret }}{{ $suffix }}{{ end }}
    optional: true
    defaultMode: 0440
    items:
      - key: apiclient_key.pem
        path: apiclient_key.pem
      - key: wechatpay_pub_key.pem
        path: wechatpay_pub_key.pem
{{- end -}}

{{/* The migration Job's phase: pre-install needs an external database; the bundled one exists only after install. */}}
{{- define "sutwxapp.migrationHook" -}}
{{- ternary "post-install,pre-upgrade" "pre-install,pre-upgrade" .Values.mysql.enabled -}}
{{- end -}}

{{/* Hook annotations for the migration Job and the objects it needs, created before it (lower weight). */}}
{{- define "sutwxapp.hookAnnotations" -}}
helm.sh/hook: {{ include "sutwxapp.migrationHook" .root }}
helm.sh/hook-weight: {{ .weight | quote }}
helm.sh/hook-delete-policy: before-hook-creation
{{- end -}}

{{/* ConfigMap data: values.config plus what the chart itself decides. */}}
{{- define "sutwxapp.configData" -}}
{{- range $key, $value := .Values.config }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- if not (hasKey .Values.config "METRICS_PORT") }}
METRICS_PORT: {{ .Values.metrics.port | toString | quote }}
{{- end }}
{{- end -}}

{{/* Secret stringData (only when secrets.existingSecret is empty). */}}
{{- define "sutwxapp.secretData" -}}
JWT_SECRET: {{ required "secrets.jwtSecret (at least 32 characters) or secrets.existingSecret is required" .Values.secrets.jwtSecret | quote }}
{{- with .Values.secrets.wechatAppSecret }}
WECHAT_APP_SECRET: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.wechatPayApiV3Key }}
WECHAT_PAY_API_V3_KEY: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.wechatPushToken }}
WECHAT_PUSH_TOKEN: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.wechatEncodingAesKey }}
WECHAT_ENCODING_AES_KEY: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.kuaidi100Key }}
KUAIDI100_KEY: {{ . | quote }}
{{- end }}
{{- with .Values.secrets.wechatPayPrivateKeyPem }}
apiclient_key.pem: |
  {{- . | nindent 2 }}
{{- end }}
{{- with .Values.secrets.wechatPayPublicKeyPem }}
wechatpay_pub_key.pem: |
  {{- . | nindent 2 }}
{{- end }}
{{- if not .Values.mysql.enabled }}
DATABASE_URL: {{ required "externalDatabase.url is required when mysql.enabled=false (or put DATABASE_URL in secrets.existingSecret)" .Values.externalDatabase.url | quote }}
{{- end }}
{{- if and (not .Values.redis.enabled) .Values.externalRedis.url }}
REDIS_URL: {{ .Values.externalRedis.url | quote }}
{{- end }}
{{- if and (not .Values.mongodb.enabled) .Values.externalMongodb.uri }}
MONGODB_URI: {{ .Values.externalMongodb.uri | quote }}
{{- end }}
{{- end -}}

{{/*
Cross-field checks JSON Schema cannot express (it compares no two fields): they fail
`helm lint`, `helm template` and `helm install` alike, with a message naming both fields.
*/}}
{{- define "sutwxapp.validate" -}}
{{- if ge (int .Values.preStopSleepSeconds) (int .Values.terminationGracePeriodSeconds) }}
{{- fail (printf "preStopSleepSeconds (%d) must be shorter than terminationGracePeriodSeconds (%d): the pod would be killed before it drains" (int .Values.preStopSleepSeconds) (int .Values.terminationGracePeriodSeconds)) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail (printf "autoscaling.minReplicas (%d) must not exceed autoscaling.maxReplicas (%d)" (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled (not .Values.autoscaling.enabled) (ge (int .Values.podDisruptionBudget.minAvailable) (int .Values.replicaCount)) }}
{{- fail (printf "podDisruptionBudget.minAvailable (%d) must be below replicaCount (%d), or no node can ever be drained" (int .Values.podDisruptionBudget.minAvailable) (int .Values.replicaCount)) }}
{{- end }}
{{- if and .Values.autoscaling.enabled .Values.podDisruptionBudget.enabled (ge (int .Values.podDisruptionBudget.minAvailable) (int .Values.autoscaling.minReplicas)) }}
{{- fail (printf "podDisruptionBudget.minAvailable (%d) must be below autoscaling.minReplicas (%d), or no node can ever be drained" (int .Values.podDisruptionBudget.minAvailable) (int .Values.autoscaling.minReplicas)) }}
{{- end }}
{{- if and .Values.backup.binlog.enabled (not .Values.backup.enabled) }}
{{- fail "backup.binlog.enabled needs backup.enabled (the binlog archive lives on the backups volume)" }}
{{- end }}
{{- if and .Values.mysqlExporter.enabled (not .Values.mysqlExporter.existingSecret) }}
{{- fail "mysqlExporter.existingSecret is required: a Secret with MYSQLD_EXPORTER_PASSWORD and the exporter's --mysqld.address/--mysqld.username in mysqlExporter.args" }}
{{- end }}
{{- end -}}
