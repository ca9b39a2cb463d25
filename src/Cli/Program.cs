// obatch: the command line for Azure ML users (issue 13 builds it).
Console.Error.WriteLine("obatch: not built yet");
return 2;
