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

{{/* Everything the API process reads: the ConfigMap, the Secret, the connection URLs. */}}
{{- define "sutwxapp.appEnv" -}}
envFrom:
  - configMapRef:
      name: {{ include "sutwxapp.fullname" . }}
  - secretRef:
      name: {{ include "sutwxapp.secretName" . }}
env:
  - name: WECHAT_PAY_PRIVATE_KEY
    value: /var/run/secrets/sutwxapp/apiclient_key.pem
  - name: WECHAT_PAY_PUBLIC_KEY
    value: /var/run/secrets/sutwxapp/wechatpay_pub_key.pem
{{- include "sutwxapp.connectionEnv" . | nindent 2 }}
{{- end -}}

{{/* The WeChat Pay PEM files, mounted read-only from the Secret. */}}
{{- define "sutwxapp.keysVolume" -}}
- name: wechatpay-keys
  secret:
    secretName: {{ include "sutwxapp.secretName" . }}
    optional: true
    defaultMode: 0440
    items:
      - key: apiclient_key.pem
        path: apiclient_key.pem
      - key: wechatpay_pub_key.pem
        path: wechatpay_pub_key.pem
{{- end -}}

{{/* Pre-install/pre-upgrade hooks: the migration Job and what it reads exist before it runs. */}}
{{- define "sutwxapp.hookAnnotations" -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: {{ . | quote }}
helm.sh/hook-delete-policy: before-hook-creation
{{- end -}}
