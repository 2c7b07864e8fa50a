#pragma once
// The command-line interface.
namespace headway::cli {

// Parses the arguments, runs one command and returns the process exit code:
// 0 on success, 2 for bad input or a missing profile, 1 when the system failed.
int run(int argc, char** argv);

}  // namespace headway::cli
