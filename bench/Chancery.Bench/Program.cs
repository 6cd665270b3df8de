Console.WriteLine("Chancery benchmarks: none yet.");
