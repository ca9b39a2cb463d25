#!/bin/bash
# Azure ML's cli/endpoints/batch/deploy-models/mnist-classifier/deploy-and-run.sh with `az ml` replaced by
# `obatch`. Differences, each a line of its own: the model is an ONNX file (no scoring script or environment),
# no compute cluster is created, and the input is the sample digits folder (uploaded by the CLI).
set -e

# <set_variables>
ENDPOINT_NAME="mnist-batch"
# </set_variables>

# <name_endpoint>
ENDPOINT_SUFIX=$(cat /dev/urandom | tr -dc 'a-z0-9' | fold -w ${1:-5} | head -n 1)
ENDPOINT_NAME="$ENDPOINT_NAME-$ENDPOINT_SUFIX"
# </name_endpoint>

INPUT=../../digits/images

echo "Register the model"
# <register_model>
MODEL_NAME='mnist-classifier-onnx'
obatch model create --name $MODEL_NAME --type "custom_model" --path "../../digits/model.onnx"
# </register_model>

echo "Creating batch endpoint $ENDPOINT_NAME"
# <create_batch_endpoint>
obatch batch-endpoint create --file endpoint.yml --name $ENDPOINT_NAME
# </create_batch_endpoint>

echo "Showing details of the batch endpoint"
# <query_batch_endpoint>
obatch batch-endpoint show --name $ENDPOINT_NAME
# </query_batch_endpoint>

echo "Creating batch deployment $DEPLOYMENT_NAME for endpoint $ENDPOINT_NAME"
# <create_batch_deployment_set_default>
obatch batch-deployment create --file deployment-onnx/deployment.yml --endpoint-name $ENDPOINT_NAME --set-default
# </create_batch_deployment_set_default>

echo "Showing details of the batch deployment"
# <query_batch_deployment>
DEPLOYMENT_NAME="mnist-onnx-dpl"
obatch batch-deployment show --name $DEPLOYMENT_NAME --endpoint-name $ENDPOINT_NAME
# </query_batch_deployment>

echo "Invoking batch endpoint with local data"
# <start_batch_scoring_job>
JOB_NAME=$(obatch batch-endpoint invoke --name $ENDPOINT_NAME --input $INPUT --input-type uri_folder --query name -o tsv)
# </start_batch_scoring_job>

echo "Showing job detail"
# <show_job_in_studio>
obatch job show -n $JOB_NAME --web
# </show_job_in_studio>

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

echo "Invoke batch endpoint with specific output file name"
# <start_batch_scoring_job_configure_output_settings>
export OUTPUT_FILE_NAME=predictions_`echo $RANDOM`.csv
OUTPUT_PATH="azureml://datastores/workspaceblobstore/paths/$ENDPOINT_NAME"
JOB_NAME=$(obatch batch-endpoint invoke --name $ENDPOINT_NAME --input $INPUT --input-type uri_folder --output-path $OUTPUT_PATH --set output_file_name=$OUTPUT_FILE_NAME --query name -o tsv)
# </start_batch_scoring_job_configure_output_settings>

echo "Stream job detail"
# <stream_job_logs_to_console>
obatch job stream -n $JOB_NAME
# </stream_job_logs_to_console>

STATUS=$(obatch job show -n $JOB_NAME --query status -o tsv)
echo $STATUS
if [[ $STATUS == "Completed" ]]; then echo "Job completed"; elif [[ $STATUS == "Failed" ]]; then echo "Job failed"; exit 1; else echo "Job status not failed or completed"; exit 2; fi

echo "Invoke batch endpoint with specific overwrites"
# <start_batch_scoring_job_overwrite>
JOB_NAME=$(obatch batch-endpoint invoke --name $ENDPOINT_NAME --input $INPUT --input-type uri_folder --mini-batch-size 20 --instance-count 5 --query name -o tsv)
# </start_batch_scoring_job_overwrite>

obatch job stream -n $JOB_NAME
STATUS=$(obatch job show -n $JOB_NAME --query status -o tsv)
echo $STATUS
if [[ $STATUS == "Completed" ]]; then echo "Job completed"; elif [[ $STATUS == "Failed" ]]; then echo "Job failed"; exit 1; else echo "Job status not failed or completed"; exit 2; fi

echo "Download scores to local path"
# <download_outputs>
obatch job download --name $JOB_NAME --output-name score --download-path ./
# </download_outputs>

echo "List all jobs under the batch deployment"
# <list_all_jobs>
obatch batch-deployment list-jobs --name $DEPLOYMENT_NAME --endpoint-name $ENDPOINT_NAME --query [].name
# </list_all_jobs>

echo "Create a second deployment, not the default"
# <create_new_deployment_not_default>
obatch batch-deployment create --file deployment-big/deployment.yml --endpoint-name $ENDPOINT_NAME
# </create_new_deployment_not_default>

echo "Invoke the non-default deployment"
# <test_new_deployment>
DEPLOYMENT_NAME="mnist-big-dpl"
JOB_NAME=$(obatch batch-endpoint invoke --name $ENDPOINT_NAME --deployment-name $DEPLOYMENT_NAME --input $INPUT --input-type uri_folder --query name -o tsv)
# </test_new_deployment>

obatch job show -n $JOB_NAME --web
obatch job stream -n $JOB_NAME
STATUS=$(obatch job show -n $JOB_NAME --query status -o tsv)
echo $STATUS
if [[ $STATUS == "Completed" ]]; then echo "Job completed"; elif [[ $STATUS == "Failed" ]]; then echo "Job failed"; exit 1; else echo "Job status not failed or completed"; exit 2; fi

echo "Make the new deployment the default"
# <update_default_deployment>
obatch batch-endpoint update --name $ENDPOINT_NAME --set defaults.deployment_name=$DEPLOYMENT_NAME
# </update_default_deployment>

echo "Show the endpoint's default deployment"
# <query_endpoint_details>
obatch batch-endpoint show --name $ENDPOINT_NAME --query "{Name:name, Defaults:defaults}"
# </query_endpoint_details>

echo "Invoke the endpoint: the new default scores it"
# <test_new_default_deployment>
JOB_NAME=$(obatch batch-endpoint invoke --name $ENDPOINT_NAME --input $INPUT --input-type uri_folder --query name -o tsv)
# </test_new_default_deployment>

obatch job stream -n $JOB_NAME
STATUS=$(obatch job show -n $JOB_NAME --query status -o tsv)
echo $STATUS
if [[ $STATUS == "Completed" ]]; then echo "Job completed"; elif [[ $STATUS == "Failed" ]]; then echo "Job failed"; exit 1; else echo "Job status not failed or completed"; exit 2; fi

echo "Delete the old deployment"
# <delete_deployment>
obatch batch-deployment delete --name mnist-onnx-dpl --endpoint-name $ENDPOINT_NAME --yes
# </delete_deployment>

echo "Delete the endpoint"
# <delete_endpoint>
obatch batch-endpoint delete --name $ENDPOINT_NAME --yes
# </delete_endpoint>
