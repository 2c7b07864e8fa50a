// The headway executable: all logic lives in the libraries; this only hands over the arguments.
#include "cli/app.hpp"

int main(int argc, char** argv) { return headway::cli::run(argc, argv); }
