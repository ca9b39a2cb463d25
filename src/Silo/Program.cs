// The silo host (scale-out) is built by the scale-out issue; the embedded silo lives in the gateway.
return 0;
