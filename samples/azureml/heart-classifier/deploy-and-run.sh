#!/bin/bash
# Azure ML's cli/endpoints/batch/deploy-models/heart-classifier-mlflow/deploy-and-run.sh with `az ml` replaced by
# `obatch`. Differences, each a line of its own: the classifier is two ONNX graphs (a scaler, then the model)
# chained by a pipeline deployment instead of an MLflow model, no compute cluster is created, and the data are
# the breast-cancer samples of this repository.
set -e

# <set_variables>
ENDPOINT_NAME="heart-classifier"
# </set_variables>

# <name_endpoint>
ENDPOINT_SUFIX=$(cat /dev/urandom | tr -dc 'a-z0-9' | fold -w ${1:-5} | head -n 1)
ENDPOINT_NAME="$ENDPOINT_NAME-$ENDPOINT_SUFIX"
# </name_endpoint>

echo "Register the model"
# <register_model>
MODEL_NAME='heart-classifier'
obatch model create --name $MODEL_NAME-prep --type "custom_model" --path "../../breast-cancer/preprocess.onnx"
obatch model create --name $MODEL_NAME --type "custom_model" --path "../../breast-cancer/model.onnx"
# </register_model>

echo "Register the data asset"
# <register_dataset>
obatch data create -f heart-dataset-unlabeled.yml
# </register_dataset>

echo "Creating batch endpoint $ENDPOINT_NAME"
# <create_endpoint>
obatch batch-endpoint create -n $ENDPOINT_NAME -f endpoint.yml
# </create_endpoint>

echo "Showing details of the batch endpoint"
# <query_endpoint>
obatch batch-endpoint show --name $ENDPOINT_NAME
# </query_endpoint>

echo "Creating batch deployment"
# <create_deployment>
obatch batch-deployment create --file deployment-simple/deployment.yml --endpoint-name $ENDPOINT_NAME --set-default
# </create_deployment>

# <update_default_deployment>
DEPLOYMENT_NAME="classifier-onnx-pipeline"
obatch batch-endpoint update --name $ENDPOINT_NAME --set defaults.deployment_name=$DEPLOYMENT_NAME
# </update_default_deployment>

echo "Showing details of the batch deployment"
# <query_deployment>
obatch batch-deployment show --name $DEPLOYMENT_NAME --endpoint-name $ENDPOINT_NAME
# </query_deployment>

echo "Invoking batch endpoint with the registered data asset"
# <start_batch_scoring_job>
JOB_NAME=$(obatch batch-endpoint invoke --name $ENDPOINT_NAME --input azureml:heart-dataset-unlabeled@latest --query name -o tsv)
# </start_batch_scoring_job>

echo "Showing job detail"
# <show_job_in_studio>
obatch job show -n $JOB_NAME --web
# </show_job_in_studio>

echo "List all jobs under the batch deployment"
# <list_all_jobs>
obatch batch-deployment list-jobs --name $DEPLOYMENT_NAME --endpoint-name $ENDPOINT_NAME --query [].name
# </list_all_jobs>

echo "Stream job logs to console"
# <stream_job_logs>
obatch job stream -n $JOB_NAME
# </stream_job_logs>

# <check_job_status>
STATUS=$(obatch job show -n $JOB_NAME --query status -o tsv)
echo $STATUS
if [[ $STATUS == "Completed" ]]
then
  echo "Job completed"
elif [[ $STATUS ==  "Failed" ]]
then
  echo "Job failed"
  exit 1
else
  echo "Job status not failed or completed"
  exit 2
fi
# </check_job_status>

echo "Download scores to local path"
# <download_outputs>
obatch job download --name $JOB_NAME --output-name score --download-path ./
# </download_outputs>

echo "Creating a second deployment, not the default"
# <create_deployment_custom>
DEPLOYMENT_NAME="classifier-rows"
obatch batch-deployment create --file deployment-rows/deployment.yml --endpoint-name $ENDPOINT_NAME
# </create_deployment_custom>

echo "Invoking the second deployment with a single local file"
# <test_new_deployment>
JOB_NAME=$(obatch batch-endpoint invoke --name $ENDPOINT_NAME --deployment-name $DEPLOYMENT_NAME --input ../../breast-cancer/data/breast_cancer.csv --input-type uri_file --query name -o tsv)
# </test_new_deployment>

obatch job stream -n $JOB_NAME
STATUS=$(obatch job show -n $JOB_NAME --query status -o tsv)
echo $STATUS
if [[ $STATUS == "Completed" ]]; then echo "Job completed"; elif [[ $STATUS == "Failed" ]]; then echo "Job failed"; exit 1; else echo "Job status not failed or completed"; exit 2; fi

echo "Delete the endpoint"
# <delete_endpoint>
obatch batch-endpoint delete --name $ENDPOINT_NAME --yes
# </delete_endpoint>
